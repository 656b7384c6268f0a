// The client outcomes of authorization, in API Gateway's words (APIGW-11..14), built in one place so
// every authorizer answers the same 401/403/500 the same way.
import type { AuthContext, AuthOutcome } from './contract.js';

/** 403 body after an explicit Deny in the authorizer's or the resource policy (APIGW-12, APIGW-14). */
export const EXPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource with an explicit deny';

/** 403 body when no policy allows the method ARN (APIGW-12, APIGW-14). */
export const IMPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource';

export type AllowOutcome = Extract<AuthOutcome, { kind: 'allow' }>;
export type ForbiddenOutcome = Extract<AuthOutcome, { kind: 'forbidden' }>;

export function allow(fields: { readonly principalId?: string; readonly context?: AuthContext; readonly identity?: Readonly<Record<string, unknown>>; readonly usageIdentifierKey?: string }): AllowOutcome {
  return {
    kind: 'allow',
    context: fields.context ?? {},
    ...(fields.principalId === undefined ? {} : { principalId: fields.principalId }),
    ...(fields.identity === undefined ? {} : { identity: fields.identity }),
    ...(fields.usageIdentifierKey === undefined ? {} : { usageIdentifierKey: fields.usageIdentifierKey }),
  };
}

/** 401 `{"message":"Unauthorized"}`. */
export function unauthorized(reason: string): AuthOutcome {
  return { kind: 'unauthorized', reason };
}

/** 403 with the gateway response type API Gateway uses for the case. */
export function forbidden(gatewayResponse: string, message: string, reason: string): ForbiddenOutcome {
  return { kind: 'forbidden', gatewayResponse, message, reason };
}

export function accessDenied(isExplicit: boolean, reason: string): ForbiddenOutcome {
  return forbidden('ACCESS_DENIED', isExplicit ? EXPLICIT_DENY_MESSAGE : IMPLICIT_DENY_MESSAGE, reason);
}

/** 500: the authorizer failed (function error, invoke failure). */
export function authorizerFailure(reason: string): AuthOutcome {
  return { kind: 'error', gatewayResponse: 'AUTHORIZER_FAILURE', reason };
}

/** 500: the authorizer is set up wrongly or answered something API Gateway cannot use. */
export function configurationError(reason: string): AuthOutcome {
  return { kind: 'error', gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR', reason };
}

/** The HTTP status the client sees for an outcome. */
export function statusCodeOf(outcome: AuthOutcome): number {
  switch (outcome.kind) {
    case 'allow':
      return 200;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'error':
      return 500;
    default: {
      const unknown: never = outcome;
      return unknown;
    }
  }
}
