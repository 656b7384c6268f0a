// The execution role SAM generates for a function without `Role` (`<LogicalId>Role`): Lambda may assume
// it, it holds AWSLambdaBasicExecutionRole, plus each entry of `Policies`: an AWS managed policy name or
// ARN, an inline policy document, or one of SAM's policy templates scoped to a table or bucket.
import * as iam from '../iam/index.js';
import { ok, type Result } from '../result.js';
import { asRecord, asString, type DeployContext, type GeneratedResource } from './kind.js';
import type { Problems } from './problems.js';
import type { TemplatePath } from './yaml-reader.js';

const LAMBDA_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const BASIC_EXECUTION_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/** SAM policy templates the simulator knows: the actions each allows and the parameter it scopes to. */
const POLICY_TEMPLATES: Readonly<Record<string, { parameter: string; actions: readonly string[]; arn: (value: string, context: DeployContext) => readonly string[] }>> = {
  DynamoDBCrudPolicy: { parameter: 'TableName', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:DescribeTable'], arn: tableArns },
  DynamoDBReadPolicy: { parameter: 'TableName', actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], arn: tableArns },
  DynamoDBWritePolicy: { parameter: 'TableName', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:DescribeTable'], arn: tableArns },
  S3ReadPolicy: { parameter: 'BucketName', actions: ['s3:GetObject', 's3:ListBucket'], arn: (bucket) => [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] },
  S3CrudPolicy: { parameter: 'BucketName', actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:DeleteObject'], arn: (bucket) => [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] },
  LambdaInvokePolicy: { parameter: 'FunctionName', actions: ['lambda:InvokeFunction'], arn: (name, context) => [`arn:aws:lambda:${context.world.region}:${context.world.accountId}:function:${name}*`] },
};

function tableArns(table: string, context: DeployContext): readonly string[] {
  const arn = `arn:aws:dynamodb:${context.world.region}:${context.world.accountId}:table/${table}`;
  return [arn, `${arn}/index/*`];
}

/** Checks each `Policies` entry: a string, a policy document, or a known policy template with its parameter. */
export function checkPolicies(policies: unknown, path: TemplatePath, problems: Problems): void {
  const list = Array.isArray(policies) ? policies : policies === undefined ? [] : [policies];
  list.forEach((entry, index) => {
    if (typeof entry === 'string' || 'Statement' in asRecord(entry)) return;
    const [name, value] = Object.entries(asRecord(entry))[0] ?? ['', undefined];
    const template = POLICY_TEMPLATES[name];
    if (template === undefined) problems.add([...path, index], `unsupported policy template '${name}' (supported: ${Object.keys(POLICY_TEMPLATES).join(', ')}, a managed policy name, or a policy document)`);
    else if (!(template.parameter in asRecord(value))) problems.add([...path, index, name], `${name} needs ${template.parameter}`);
  });
}

function statementOf(entry: unknown, context: DeployContext): unknown {
  const [name, value] = Object.entries(asRecord(entry))[0] ?? ['', undefined];
  const template = POLICY_TEMPLATES[name];
  if (template === undefined) return entry;
  const target = String(asRecord(value)[template.parameter]);
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...template.actions], Resource: [...template.arn(target, context)] }] };
}

/** Creates `<LogicalId>Role` and its policies; answers its ARN and the generated resource. */
export function createFunctionRole(context: DeployContext, logicalId: string, policies: unknown): Result<{ arn: string; generated: GeneratedResource }> {
  const world = context.world;
  const roleName = context.physicalName(`${logicalId}Role`, 64);
  const created = iam.createRole(world, { RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(LAMBDA_TRUST) });
  if (!created.ok) return created;
  const list = Array.isArray(policies) ? policies : policies === undefined ? [] : [policies];
  const managed = [BASIC_EXECUTION_ARN, ...list.flatMap((entry) => (typeof entry === 'string' ? [entry.startsWith('arn:') ? entry : `arn:aws:iam::aws:policy/${entry}`] : []))];
  for (const arn of managed) {
    const attached = iam.attachRolePolicy(world, { RoleName: roleName, PolicyArn: arn });
    if (!attached.ok) return attached;
  }
  const documents = list.filter((entry) => typeof entry !== 'string');
  for (const [index, entry] of documents.entries()) {
    const put = iam.putRolePolicy(world, { RoleName: roleName, PolicyName: `${logicalId}RolePolicy${index}`, PolicyDocument: JSON.stringify(statementOf(entry, context)) });
    if (!put.ok) return put;
  }
  const arn = asString(asRecord(created.value['Role'])['Arn']) ?? '';
  return ok({ arn, generated: { logicalId: `${logicalId}Role`, type: 'AWS::IAM::Role', physicalId: roleName } });
}
