// Which function and version a call means: `name`, `name:qualifier`, a function ARN (optionally with
// a qualifier), plus a separate Qualifier (a version number, `$LATEST` or an alias name).
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import type { InvokeTarget } from './execute.js';
import { lambdaState, type FunctionState } from './model.js';

export function functionNotFound(arn: string): AwsError {
  return awsError('ResourceNotFoundException', 404, `Function not found: ${arn}`);
}

/** Splits `name`, `name:qualifier` or `arn:aws:lambda:REGION:ACCOUNT:function:name[:qualifier]`. */
export function parseFunctionName(functionName: string): { readonly name: string; readonly qualifier?: string } {
  const parts = functionName.startsWith('arn:') ? functionName.split(':').slice(6) : functionName.split(':');
  const [name = '', qualifier] = parts;
  return qualifier === undefined ? { name } : { name, qualifier };
}

/** The version a qualifier points at, within one function. */
export function resolveQualifier(fn: FunctionState, qualifier: string): Result<InvokeTarget> {
  if (qualifier === '$LATEST') return ok({ fn, version: '$LATEST', qualifier });
  if (fn.versions.has(qualifier)) return ok({ fn, version: qualifier, qualifier });
  const aliasVersion = fn.aliases.get(qualifier);
  if (aliasVersion !== undefined) return ok({ fn, version: aliasVersion, qualifier });
  return fail(functionNotFound(`${fn.arn}:${qualifier}`));
}

export function findFunction(world: World, functionName: string): Result<FunctionState> {
  const { name } = parseFunctionName(functionName);
  const fn = lambdaState(world).functions.get(name);
  return fn === undefined ? fail(functionNotFound(`arn:aws:lambda:${world.region}:${world.accountId}:function:${name}`)) : ok(fn);
}

export function resolveTarget(world: World, functionName: string, qualifier?: string): Result<InvokeTarget> {
  const found = findFunction(world, functionName);
  if (!found.ok) return found;
  const fromName = parseFunctionName(functionName).qualifier;
  if (fromName !== undefined && qualifier !== undefined && fromName !== qualifier) {
    return fail(awsError('InvalidParameterValueException', 400, 'The derived qualifier from the function name does not match the specified qualifier.'));
  }
  return resolveQualifier(found.value, qualifier ?? fromName ?? '$LATEST');
}
