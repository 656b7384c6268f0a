// What an OpenAPI import will do, computed before anything is created: the API's settings, its
// authorizers, models, validators, gateway responses and methods by path, plus the warnings and errors
// found on the way. Applying a plan with no errors cannot fail (apply.ts), which makes the import
// all-or-nothing.
import type { AuthorizerConfig } from '../auth/contract.js';
import type { CustomGatewayResponse } from '../gateway-responses.js';
import type { ApiModel, AuthorizationType, EndpointType, Integration, MethodResponse, RequestValidator } from '../model.js';
import type { OpenApiVersion } from './document.js';

export type NamedAuthorizer = Exclude<AuthorizerConfig, { type: 'AWS_IAM' }>;

export interface PlannedMethod {
  /** The resource path, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** Upper case; `ANY` for `x-amazon-apigateway-any-method`. */
  readonly httpMethod: string;
  readonly authorizationType: AuthorizationType;
  /** The security scheme name of its authorizer (CUSTOM, COGNITO_USER_POOLS). */
  readonly authorizerName?: string;
  readonly apiKeyRequired: boolean;
  readonly requestParameters: Readonly<Record<string, boolean>>;
  readonly integration?: Integration;
  readonly cacheKeyParameters: readonly string[];
  readonly requestValidatorName?: string;
  readonly requestModels?: Readonly<Record<string, string>>;
  readonly methodResponses?: Readonly<Record<string, MethodResponse>>;
}

export interface ImportPlan {
  readonly version: OpenApiVersion;
  /** `info.title`. */
  readonly name: string;
  readonly endpointType?: EndpointType;
  readonly apiKeySource?: 'HEADER' | 'AUTHORIZER';
  /** `x-amazon-apigateway-policy` as JSON text. */
  readonly resourcePolicy?: string;
  readonly authorizers: readonly NamedAuthorizer[];
  readonly models: readonly Omit<ApiModel, 'id'>[];
  readonly validators: readonly Omit<RequestValidator, 'id'>[];
  readonly gatewayResponses: Readonly<Record<string, CustomGatewayResponse>>;
  /** Every path the document names, including those without methods (they still become resources). */
  readonly paths: readonly string[];
  readonly methods: readonly PlannedMethod[];
  readonly warnings: readonly string[];
}

/** What the planner found wrong: errors stop the import, warnings do only with --fail-on-warnings. */
export interface Findings {
  readonly errors: string[];
  readonly warnings: string[];
}

/** `#/components/schemas/Pet` or `#/definitions/Pet` → `Pet`; anything else → undefined. */
export function modelNameOfRef(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  return /^#\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(ref)?.[1];
}
