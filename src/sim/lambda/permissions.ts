// A function's resource-based policy: AddPermission, RemovePermission, GetPolicy, and the question
// another service asks before it invokes (API Gateway: "may apigateway.amazonaws.com invoke this ARN
// from this method ARN?"). A policy belongs to the ARN the caller invokes: the unqualified function,
// one version or one alias each have their own statements (Lambda API AddPermission, "Qualifier":
// https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html). Kept in its own world slot as
// plain records so snapshots clone it.
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { matchesGlob } from '../iam/match.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { missingMember, readString } from './request.js';
import { findFunction, parseFunctionName, resolveQualifier } from './target.js';

export interface PermissionStatement {
  readonly sid: string;
  readonly principal: string;
  readonly action: string;
  /** The function ARN, with `:qualifier` when the statement is on a version or alias. */
  readonly resource: string;
  readonly sourceArn?: string;
  readonly sourceAccount?: string;
}

/** Statements by policy key: `name` (unqualified) or `name:qualifier`. */
type PermissionState = Record<string, PermissionStatement[]>;

export const LAMBDA_PERMISSIONS_SLOT = 'lambda.permissions';

const permissionState = (world: World): PermissionState => world.service<PermissionState>(LAMBDA_PERMISSIONS_SLOT, () => ({}));

const noSuchPolicy = (): AwsError => awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');

interface PolicyTarget {
  readonly key: string;
  readonly resource: string;
}

/** The policy a FunctionName (+ Qualifier) names; the function, version or alias must exist. */
function policyTarget(world: World, request: ApiDocument): Result<PolicyTarget> {
  const functionName = readString(request, 'FunctionName');
  if (functionName === undefined) return fail(missingMember('FunctionName'));
  const found = findFunction(world, functionName);
  if (!found.ok) return found;
  const qualifier = readString(request, 'Qualifier') ?? parseFunctionName(functionName).qualifier;
  if (qualifier === undefined) return ok({ key: found.value.name, resource: found.value.arn });
  const resolved = resolveQualifier(found.value, qualifier);
  if (!resolved.ok) return resolved;
  return ok({ key: `${found.value.name}:${qualifier}`, resource: `${found.value.arn}:${qualifier}` });
}

/** The statement as the policy document writes it (Principal, Condition ArnLike / StringEquals). */
function statementDocument(statement: PermissionStatement): ApiDocument {
  const conditions: Record<string, unknown> = {};
  if (statement.sourceArn !== undefined) conditions['ArnLike'] = { 'AWS:SourceArn': statement.sourceArn };
  if (statement.sourceAccount !== undefined) conditions['StringEquals'] = { 'AWS:SourceAccount': statement.sourceAccount };
  return {
    Sid: statement.sid, Effect: 'Allow', Principal: { Service: statement.principal }, Action: statement.action, Resource: statement.resource,
    ...(Object.keys(conditions).length === 0 ? {} : { Condition: conditions }),
  };
}

export function addPermission(world: World, request: ApiDocument): Result<ApiDocument> {
  const target = policyTarget(world, request);
  if (!target.ok) return target;
  const sid = readString(request, 'StatementId');
  const action = readString(request, 'Action');
  const principal = readString(request, 'Principal');
  if (sid === undefined) return fail(missingMember('StatementId'));
  if (action === undefined) return fail(missingMember('Action'));
  if (principal === undefined) return fail(missingMember('Principal'));
  const statements = (permissionState(world)[target.value.key] ??= []);
  if (statements.some((s) => s.sid === sid)) {
    // Wording as the Lambda API answers a repeated statement id (recalled, not re-checked).
    return fail(awsError('ResourceConflictException', 409, `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`));
  }
  const sourceArn = readString(request, 'SourceArn');
  const sourceAccount = readString(request, 'SourceAccount');
  const statement: PermissionStatement = {
    sid, action, principal, resource: target.value.resource,
    ...(sourceArn === undefined ? {} : { sourceArn }), ...(sourceAccount === undefined ? {} : { sourceAccount }),
  };
  statements.push(statement);
  return ok({ Statement: JSON.stringify(statementDocument(statement)) });
}

export function removePermission(world: World, request: ApiDocument): Result<ApiDocument> {
  const target = policyTarget(world, request);
  if (!target.ok) return target;
  const statements = permissionState(world)[target.value.key] ?? [];
  const at = statements.findIndex((s) => s.sid === readString(request, 'StatementId'));
  if (at === -1) return fail(noSuchPolicy());
  statements.splice(at, 1);
  return ok({});
}

export function getPolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const target = policyTarget(world, request);
  if (!target.ok) return target;
  const statements = permissionState(world)[target.value.key] ?? [];
  if (statements.length === 0) return fail(noSuchPolicy());
  const policy = { Version: '2012-10-17', Id: 'default', Statement: statements.map(statementDocument) };
  return ok({ Policy: JSON.stringify(policy), RevisionId: `rev-${statements.length}` });
}

export type ServiceInvokeDecision = 'allowed' | 'denied' | 'no-policy';

/**
 * May `principal` (a service such as apigateway.amazonaws.com) invoke `functionName` (name, name:qualifier
 * or ARN) on behalf of `sourceArn`? Only the policy of that exact ARN counts: a statement on the
 * unqualified function does not cover an alias (API AddPermission). `no-policy`: the ARN has no statement.
 */
export function serviceMayInvoke(world: World, functionName: string, principal: string, sourceArn: string): ServiceInvokeDecision {
  const { name, qualifier } = parseFunctionName(functionName);
  const statements = permissionState(world)[qualifier === undefined ? name : `${name}:${qualifier}`] ?? [];
  if (statements.length === 0) return 'no-policy';
  const allows = statements.some((s) =>
    s.principal === principal && (s.action === 'lambda:InvokeFunction' || s.action === 'lambda:*') && (s.sourceArn === undefined || matchesGlob(s.sourceArn, sourceArn)));
  return allows ? 'allowed' : 'denied';
}

const functionNameParam: ParamSpec = { flag: '--function-name', member: 'FunctionName', type: 'string', required: true, description: 'The function name, name:alias or function ARN (with :alias for an alias\'s own policy).' };
const qualifierParam: ParamSpec = { flag: '--qualifier', member: 'Qualifier', type: 'string', required: false, description: 'A version or alias: the statement covers only that ARN.' };
const statementIdParam: ParamSpec = { flag: '--statement-id', member: 'StatementId', type: 'string', required: true, description: 'A name for the statement, unique in the policy.' };
const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'lambda', command, operation, summary, params, run });

/** `aws lambda add-permission | remove-permission | get-policy` (listed in src/sim/cli/services.ts). */
export const LAMBDA_PERMISSION_OPERATIONS: readonly OperationSpec[] = [
  row('add-permission', 'AddPermission', "Adds a statement to the function's resource-based policy: which service (or account) may invoke which ARN, e.g. API Gateway for one alias.", [
    functionNameParam, statementIdParam,
    { flag: '--action', member: 'Action', type: 'string', required: true, description: 'lambda:InvokeFunction.' },
    { flag: '--principal', member: 'Principal', type: 'string', required: true, description: 'The service, e.g. apigateway.amazonaws.com.' },
    { flag: '--source-arn', member: 'SourceArn', type: 'string', required: false, description: 'Only calls on behalf of this ARN (wildcards allowed), e.g. arn:aws:execute-api:us-east-1:123456789012:API_ID/*/GET/orders.' },
    { flag: '--source-account', member: 'SourceAccount', type: 'string', required: false, description: 'Only calls on behalf of this account.' },
    qualifierParam,
  ], addPermission),
  row('remove-permission', 'RemovePermission', "Removes a statement from the function's resource-based policy.", [functionNameParam, statementIdParam, qualifierParam], removePermission),
  row('get-policy', 'GetPolicy', "Shows the resource-based policy of the function, version or alias (ResourceNotFoundException when it has none).", [functionNameParam, qualifierParam], getPolicy),
];
