// Proves import(export(api)) describes the same API: for random APIs defined through defineRestApi
// (nested paths with {id} and {proxy+}, every verb and ANY, no auth / IAM / TOKEN / REQUEST / Cognito
// authorizers, API keys, request parameters, Lambda / HTTP proxy / MOCK integrations with any allowed
// timeout), exporting a stage with extensions=apigateway in either format and importing the document
// gives the same methods, and exporting the copy gives the same document again (fast-check); the pet
// store sample, with models, validators and gateway responses, survives the same trip in both formats.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apigateway, createWorld, type World } from '../../../../src/sim/index.js';

const SEGMENTS = ['orders', 'items', '{id}', 'v1'];
const AUTH = ['none', 'iam', 'token', 'request', 'pool'] as const;
const AUTHORIZERS: NonNullable<apigateway.RestApiSpec['authorizers']> = [
  { type: 'TOKEN', name: 'tok', functionName: 'auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 120, identityValidationExpression: '^Bearer .+$' },
  { type: 'REQUEST', name: 'req', functionName: 'auth', identitySources: ['method.request.header.X-User', 'method.request.querystring.tenant'], resultTtlSeconds: 0 },
  { type: 'COGNITO_USER_POOLS', name: 'pool', providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'], identitySource: 'method.request.header.Authorization' },
];

const integration = fc.oneof(
  fc.record({ type: fc.constant('AWS_PROXY' as const), functionName: fc.constant('orders'), timeoutInMillis: fc.integer({ min: 50, max: 29_000 }) }),
  fc.record({ type: fc.constant('HTTP_PROXY' as const), uri: fc.constant('https://backend.example.com/orders'), timeoutInMillis: fc.integer({ min: 50, max: 29_000 }) }),
  fc.record({ type: fc.constant('MOCK' as const), mockStatusCode: fc.constantFrom(200, 204, 404), mockBody: fc.constantFrom('{"ok": true}', '[]') }),
);

const route = fc.record({
  path: fc.tuple(fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 3 }), fc.boolean()).map(([parts, greedy]) => `/${[...parts, ...(greedy ? ['{proxy+}'] : [])].join('/')}`),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ANY'),
  auth: fc.constantFrom(...AUTH),
  apiKeyRequired: fc.boolean(),
  integration,
  parameters: fc.subarray(['method.request.querystring.q', 'method.request.header.X-Id']).chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), fc.boolean())))),
});

type Route = typeof route extends fc.Arbitrary<infer T> ? T : never;

function specOf(routes: Route[]): apigateway.RestApiSpec {
  return {
    name: 'source', authorizers: AUTHORIZERS, stages: [{ name: 'prod' }],
    routes: routes.map((r) => ({
      path: r.path, method: r.method, apiKeyRequired: r.apiKeyRequired, integration: r.integration, requestParameters: Object.fromEntries(r.parameters),
      ...(r.auth === 'iam' ? { authorizationType: 'AWS_IAM' as const } : r.auth === 'pool' ? { authorizationType: 'COGNITO_USER_POOLS' as const, authorizer: 'pool' } : r.auth === 'none' ? {} : { authorizer: r.auth === 'token' ? 'tok' : 'req' }),
    })),
  };
}

/** What each method does, with generated ids replaced by what they name. */
function shapeOf(api: apigateway.RestApi) {
  return Object.values(api.resources).flatMap((resource) => Object.values(resource.methods).map((m) => {
    const authorizer = m.authorizerId === undefined ? undefined : (({ id: _, ...config }) => config)(api.authorizers[m.authorizerId]!);
    const i = m.integration!;
    return {
      route: `${m.httpMethod} ${resource.path}`, authorizationType: m.authorizationType, authorizer, apiKeyRequired: m.apiKeyRequired, requestParameters: m.requestParameters,
      integration: { type: i.type, uri: i.uri, timeoutInMillis: i.timeoutInMillis, mockStatusCode: i.mockStatusCode, mockBody: i.mockBody },
    };
  })).sort((a, b) => a.route.localeCompare(b.route));
}

function exported(world: World, api: apigateway.RestApi, exportType: 'oas30' | 'swagger', yaml: boolean): string {
  const text = apigateway.exportRestApi(world, api, 'prod', { exportType, extensions: 'apigateway', accepts: yaml ? 'application/yaml' : 'application/json' });
  if (!text.ok) throw new Error(text.error.message);
  return text.value;
}

describe('OpenAPI round trip', () => {
  it('imports an exported API as the same API, and exports the copy as the same document', () => {
    fc.assert(
      fc.property(fc.uniqueArray(route, { minLength: 1, maxLength: 8, selector: (r) => `${r.method} ${r.path}` }), fc.constantFrom('oas30' as const, 'swagger' as const), fc.boolean(), (routes, exportType, yaml) => {
        const world = createWorld({ seed: 5 });
        const source = apigateway.defineRestApi(world, specOf(routes));
        if (!source.ok) throw new Error(source.error.message);
        const document = exported(world, source.value, exportType, yaml);
        const copy = apigateway.importRestApi(world, { body: document, failOnWarnings: true });
        if (!copy.ok) throw new Error(copy.error.message);
        expect(shapeOf(copy.value.api)).toEqual(shapeOf(source.value));
        apigateway.deployToStage(world, copy.value.api, 'prod');
        expect(exported(world, copy.value.api, exportType, yaml).replaceAll(copy.value.api.id, source.value.id)).toBe(document);
      }),
      { numRuns: 80, seed: 3 },
    );
  });
});

describe('OpenAPI round trip of the pet store', () => {
  it('keeps models, validators, method and integration responses and gateway responses through export and import', () => {
    const text = readFileSync(new URL('../../../../data/templates/petstore-openapi.yaml', import.meta.url), 'utf8');
    const world = createWorld({ seed: 9 });
    const first = apigateway.importRestApi(world, { body: text, failOnWarnings: true });
    if (!first.ok) throw new Error(first.error.message);
    apigateway.deployToStage(world, first.value.api, 'prod');
    for (const exportType of ['oas30', 'swagger'] as const) {
      const document = exported(world, first.value.api, exportType, false);
      const copy = apigateway.importRestApi(world, { body: document, failOnWarnings: true });
      if (!copy.ok) throw new Error(copy.error.message);
      apigateway.deployToStage(world, copy.value.api, 'prod');
      expect(exported(world, copy.value.api, exportType, false).replaceAll(copy.value.api.id, first.value.api.id)).toBe(document);
      const parts = (api: apigateway.RestApi) => [Object.keys(api.models!).sort(), Object.values(api.requestValidators!).map((v) => v.name), api.gatewayResponses];
      expect(parts(copy.value.api)).toEqual(parts(first.value.api));
    }
  });
});
