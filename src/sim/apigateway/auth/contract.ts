// The contract between API Gateway's request pipeline and its authorizers (APIGW-11..14). The pipeline
// (routing, integrations, throttling, caching) calls `authorize(...)` with the request as API Gateway
// sees it; the authorizers (Lambda TOKEN/REQUEST with their result cache, IAM/SigV4, Cognito user
// pools) answer one AuthOutcome, which the pipeline turns into the client's HTTP response.
import type { NamedPolicy } from '../../iam/index.js';
import type { Result } from '../../result.js';
import type { World } from '../../world.js';

/** A request as it reaches API Gateway. Header names are lower-case; values are single strings. */
export interface IncomingRequest {
  readonly method: string;
  /** The path after the stage, e.g. `/orders/42`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
  readonly sourceIp: string;
  /** Set when the caller is inside a VPC and the request came through an interface VPC endpoint (APIGW-02). */
  readonly via?: { readonly vpcEndpointId: string; readonly vpcId: string };
}

/** Where the request landed: what an authorizer needs to build the method ARN and the policy check. */
export interface MethodContext {
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly httpMethod: string;
  /** The matched resource path, e.g. `/orders/{id}`. */
  readonly resourcePath: string;
  /** `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>`. */
  readonly methodArn: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** Resource policy of the API (JSON text), if any (APIGW-14). */
  readonly resourcePolicy?: string;
}

export type AuthorizerConfig =
  | {
      readonly type: 'TOKEN';
      readonly name: string;
      readonly functionName: string;
      /** e.g. `method.request.header.Authorization`. */
      readonly identitySource: string;
      readonly identityValidationExpression?: string;
      /** 0 turns the result cache off; default 300, max 3,600 (APIGW-12). */
      readonly resultTtlSeconds: number;
    }
  | {
      readonly type: 'REQUEST';
      readonly name: string;
      readonly functionName: string;
      /** e.g. `method.request.header.X`, `method.request.querystring.q`, `stageVariables.v`. */
      readonly identitySources: readonly string[];
      readonly resultTtlSeconds: number;
    }
  | { readonly type: 'AWS_IAM' }
  | {
      readonly type: 'COGNITO_USER_POOLS';
      readonly name: string;
      readonly providerArns: readonly string[];
      readonly identitySource: string;
      /** A method with scopes expects an access token holding one of them (APIGW-13). */
      readonly authorizationScopes?: readonly string[];
    };

/** Context values an authorizer passes on (flat; delivered to the integration as strings). */
export type AuthContext = Readonly<Record<string, string | number | boolean>>;

export type AuthOutcome =
  | {
      readonly kind: 'allow';
      readonly principalId?: string;
      readonly context: AuthContext;
      /** For IAM: the caller's ARN; for Cognito: the token's claims. */
      readonly identity?: Readonly<Record<string, unknown>>;
      readonly usageIdentifierKey?: string;
    }
  /** 401 `{"message":"Unauthorized"}`. */
  | { readonly kind: 'unauthorized'; readonly reason: string }
  /** 403 with API Gateway's message for the case (explicit deny, missing token, bad signature ...). */
  | { readonly kind: 'forbidden'; readonly message: string; readonly gatewayResponse: string; readonly reason: string }
  /** 500 (AUTHORIZER_FAILURE / AUTHORIZER_CONFIGURATION_ERROR). */
  | { readonly kind: 'error'; readonly gatewayResponse: string; readonly reason: string };

/** The credentials behind an access key, as the IAM authorizer needs them. */
export interface ResolvedCredentials {
  readonly secretAccessKey: string;
  readonly principalArn: string;
  readonly sessionToken?: string;
  /** Session policies that narrow the role for this session (IAM-04), e.g. the Cognito guest scope-down (COG-08). */
  readonly sessionPolicies?: readonly NamedPolicy[];
}

/** What authorizers need from other services; the world wiring provides the real ones. */
export interface AuthPorts {
  /** Invokes a Lambda function synchronously (the authorizer function). */
  readonly invokeFunction: (world: World, functionName: string, event: Readonly<Record<string, unknown>>) => Result<{ readonly payload: string; readonly functionError?: string }>;
  /** Checks a Cognito user pool token (COGNITO_USER_POOLS); absent until the Cognito service is wired. */
  readonly verifyUserPoolToken?: (world: World, token: string, providerArns: readonly string[]) => Result<Readonly<Record<string, unknown>>>;
  /** Looks up the secret and principal behind an access key id (IAM/SigV4); absent until STS/credentials exist. */
  readonly resolveCredentials?: (world: World, accessKeyId: string) => ResolvedCredentials | undefined;
}
