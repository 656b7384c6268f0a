// Generated IAM questions: a role with seeded identity policies, maybe a Deny and a permissions
// boundary, and one DynamoDB request; the decision comes from the simulator's evaluate (IAM-01..04).
import { iam } from '../../sim/index.js';
import { pick, defineFamily, type Option } from './build.js';

const EVAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';
const ACCOUNT = '123456789012';
const TABLE_ARN = (name: string) => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`;

interface StatementSpec {
  readonly effect: 'Allow' | 'Deny';
  readonly action: string;
  readonly resource: string;
}

const ALLOWS: readonly StatementSpec[] = [
  { effect: 'Allow', action: 'dynamodb:*', resource: TABLE_ARN('Orders') },
  { effect: 'Allow', action: 'dynamodb:Get*', resource: TABLE_ARN('*') },
  { effect: 'Allow', action: 'dynamodb:PutItem', resource: TABLE_ARN('Orders') },
  { effect: 'Allow', action: 'dynamodb:Query', resource: TABLE_ARN('Ord*') },
];
const DENIES: readonly (StatementSpec | null)[] = [null, { effect: 'Deny', action: 'dynamodb:DeleteItem', resource: '*' }, { effect: 'Deny', action: 'dynamodb:*', resource: TABLE_ARN('Customers') }];
const BOUNDARIES: readonly (StatementSpec | null)[] = [null, null, { effect: 'Allow', action: 'dynamodb:Get*', resource: '*' }, { effect: 'Allow', action: 'dynamodb:*', resource: TABLE_ARN('Orders') }];
const ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'] as const;
const TABLES = ['Orders', 'Customers'] as const;

function documentOf(statements: readonly StatementSpec[]) {
  const document = { Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: s.effect, Action: s.action, Resource: s.resource })) };
  const parsed = iam.parsePolicyDocument(document, 'identity');
  if (!parsed.ok) throw new Error(`generated policy is invalid: ${parsed.error.message}`);
  return { text: JSON.stringify(document), document: parsed.value };
}

const OUTCOMES: Record<'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'override', Option> = {
  Allow: { text: 'Allowed', why: 'An Allow matches, no Deny matches, and the permissions boundary (if any) allows it too.' },
  ExplicitDeny: { text: 'Denied by an explicit Deny', why: 'A Deny statement matches the action and resource; an explicit Deny wins over any Allow.' },
  ImplicitDeny: { text: 'Denied implicitly (no explicit Deny, but not allowed everywhere it must be)', why: 'Nothing denies it explicitly, but either no identity policy allows it or the permissions boundary does not.' },
  override: { text: 'Allowed, because an Allow in an identity policy overrides a Deny', why: 'An Allow never overrides an explicit Deny.' },
};

export const iamDecisionFamily = defineFamily({
  id: 'iam-decision',
  topic: 'iam-policy-evaluation',
  title: 'IAM decision for a policy set and a request',
  service: 'iam',
  exams: { 'DVA-C02': 'security', 'SAA-C03': 'secure' },
  difficulty: 'medium',
  references: [EVAL_DOC],
  facts: ['IAM-01', 'IAM-02', 'IAM-04'],
  build(stream, seed) {
    const allows = [pick(stream, ALLOWS), pick(stream, ALLOWS)].filter((s, i, all) => all.indexOf(s) === i);
    const deny = pick(stream, DENIES);
    const boundary = pick(stream, BOUNDARIES);
    const action = pick(stream, ACTIONS);
    const table = pick(stream, TABLES);
    const identity = documentOf(deny === null ? allows : [...allows, deny]);
    const bounded = boundary === null ? undefined : documentOf([boundary]);
    const decision = iam.evaluate(
      { principal: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/OrdersApp/s1`, accountId: ACCOUNT, type: 'AssumedRole' }, action, resource: TABLE_ARN(table) },
      { identity: [{ name: 'app-policy', document: identity.document }], ...(bounded === undefined ? {} : { permissionsBoundary: { name: 'boundary', document: bounded.document } }) },
    );
    const boundaryText = bounded === undefined ? 'The role has no permissions boundary.' : `The role's permissions boundary is ${bounded.text}.`;
    return {
      stem: `A Lambda function runs with the role OrdersApp in account ${ACCOUNT}. The role's only identity policy is ${identity.text}. ${boundaryText} The table has no resource policy. The function calls ${action.replace('dynamodb:', '')} on the table ${table}. What is the result?`,
      right: OUTCOMES[decision.effect],
      wrong: (['Allow', 'ExplicitDeny', 'ImplicitDeny', 'override'] as const).filter((key) => key !== decision.effect).map((key) => OUTCOMES[key]),
      explanation: `${decision.explanation} Evaluation: any matching explicit Deny wins; otherwise an Allow is needed in the identity policies and, when there is one, in the permissions boundary too.`,
      simulatorAnswer: decision.effect,
    };
  },
});
