// The shapes of IAM policy evaluation: a parsed policy document, the request being judged, the set
// of policies that apply to it and the Decision. Plain readonly data, so a world slot can hold it and
// later services (API Gateway IAM auth, Lambda authorizers, Cognito identity pools, S3 bucket
// policies) build requests and policy sets without importing anything but this folder's index.

export type Effect = 'Allow' | 'Deny';

/** Where a policy sits; the evaluation treats each kind differently (IAM-02 ... IAM-04). */
export type PolicyKind = 'identity' | 'resource' | 'permissions-boundary' | 'session';

/** Which elements a document may or must carry: trust policies are resource policies without Resource. */
export type DocumentKind = 'identity' | 'resource' | 'trust';

export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** `Action` lists what a statement covers; `NotAction` covers everything except the list. */
export interface ElementMatch {
  readonly isNegated: boolean;
  readonly patterns: readonly string[];
}

/** Principal types as they appear in a policy's Principal element. */
export type PrincipalElementType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalMatch {
  readonly isNegated: boolean;
  /** `"Principal": "*"` (anyone, including anonymous callers). */
  readonly isAnyone: boolean;
  readonly entries: readonly { readonly type: PrincipalElementType; readonly value: string }[];
}

/** `ForAnyValue:` / `ForAllValues:` set qualifiers for multi-valued context keys. */
export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One `operator: {key: values}` pair of a Condition block, split into its parts. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly written: string;
  /** The base operator without qualifier and IfExists, e.g. `StringLike`. */
  readonly operator: string;
  readonly qualifier: SetQualifier | null;
  readonly isIfExists: boolean;
  readonly key: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Effect;
  readonly action: ElementMatch;
  /** Absent only in trust policies, which apply to the role they are attached to. */
  readonly resource?: ElementMatch;
  /** Present only in resource and trust policies. */
  readonly principal?: PrincipalMatch;
  readonly conditions: readonly ConditionClause[];
}

export interface PolicyDocument {
  readonly version: PolicyVersion;
  readonly statements: readonly PolicyStatement[];
}

export interface NamedPolicy {
  /** How the learner knows it: an inline policy name, a managed policy name, `PolicyInputList.1`. */
  readonly name: string;
  readonly document: PolicyDocument;
}

/**
 * The policies that apply to one request, each optional. Several identity policies are a union;
 * several session policies are a union too (AWS combines the inline and managed session policies
 * passed to one AssumeRole call).
 */
export interface PolicySet {
  readonly identity?: readonly NamedPolicy[];
  readonly resource?: NamedPolicy;
  readonly permissionsBoundary?: NamedPolicy;
  readonly session?: readonly NamedPolicy[];
}

/** What kind of caller made the request. */
export type PrincipalType = 'Root' | 'User' | 'Role' | 'AssumedRole' | 'FederatedUser' | 'WebIdentity' | 'Service' | 'Anonymous';

export interface RequestPrincipal {
  /** `arn:aws:sts::123456789012:assumed-role/Reader/s1`, or a service name such as `lambda.amazonaws.com`. */
  readonly arn: string;
  readonly accountId: string;
  readonly type: PrincipalType;
}

/** A context value: a string, or several for multi-valued keys (`aws:TagKeys`). Numbers travel as text. */
export type ContextValue = string | readonly string[];

export interface EvaluationRequest {
  readonly principal: RequestPrincipal;
  /** `service:Action`, e.g. `dynamodb:GetItem`. */
  readonly action: string;
  /** The resource ARN, e.g. `arn:aws:dynamodb:us-east-1:123456789012:table/Orders`. */
  readonly resource: string;
  /**
   * The account that owns the resource. Taken from the ARN when it names one; S3 bucket ARNs do not,
   * so pass it for them. @default the ARN's account, else the principal's account
   */
  readonly resourceAccountId?: string;
  /** Context keys (`aws:SourceIp`, `aws:CurrentTime`, `s3:prefix` ...); names are case-insensitive. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

export interface DecidingStatement {
  readonly policyName: string;
  readonly policyKind: PolicyKind;
  /** Position in the policy's Statement list, from 0. */
  readonly statementIndex: number;
  readonly sid?: string;
}

export type DecisionEffect = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface Decision {
  readonly effect: DecisionEffect;
  /** The Deny statements that matched; or the Allow statements that let it through; empty for implicit deny. */
  readonly decidingStatements: readonly DecidingStatement[];
  /** One or two plain sentences for the learner. */
  readonly explanation: string;
}
