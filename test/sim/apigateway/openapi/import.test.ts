// Proves import-rest-api maps each part of an OpenAPI document to the REST API model with exact values:
// paths → nested resources ({id}, {proxy+}), operations → methods (ANY from x-amazon-apigateway-any-method),
// parameters → method request parameters, security → API keys / IAM / authorizers, the integration
// extension (type, uri, timeout, passthrough, templates, parameters, responses), validators, models,
// gateway responses, the API key source, the policy and the endpoint type; for OpenAPI 3.0 and Swagger 2.0.
import { describe, expect, it } from 'vitest';
import { LAMBDA_URI, methodAt, must, oas, openApiSandbox, restApiNamed } from './helpers.js';

describe('import-rest-api with the pet store (OpenAPI 3.0)', () => {
  const session = openApiSandbox();
  const out = must(session, 'aws apigateway import-rest-api --body file://petstore-openapi.yaml --parameters endpointConfigurationTypes=REGIONAL');
  const api = restApiNamed(session, 'PetStore');

  it('names the API from info.title, takes the endpoint type from --parameters and reports no warnings', () => {
    expect(out).toMatchObject({ name: 'PetStore', endpointConfiguration: { types: ['REGIONAL'] }, apiKeySource: 'HEADER' });
    expect(out['warnings']).toBeUndefined();
  });

  it('builds nested resources, including {petId} and {proxy+}', () => {
    expect(Object.values(api.resources).map((r) => r.path).sort()).toEqual(['/', '/health', '/pets', '/pets/{petId}', '/{proxy+}']);
    expect(Object.keys(Object.values(api.resources).find((r) => r.path === '/{proxy+}')!.methods)).toEqual(['ANY']);
  });

  it('turns parameters into method request parameters (path always required)', () => {
    expect(methodAt(api, '/pets', 'GET').requestParameters).toEqual({ 'method.request.querystring.limit': false });
    expect(methodAt(api, '/pets/{petId}', 'GET').requestParameters).toEqual({ 'method.request.path.petId': true });
  });

  it('requires an API key where the api_key scheme is named, and uses the TOKEN authorizer where pets-auth is', () => {
    expect(methodAt(api, '/pets', 'GET')).toMatchObject({ apiKeyRequired: true, authorizationType: 'NONE' });
    const byAuthorizer = methodAt(api, '/pets/{petId}', 'GET');
    expect(byAuthorizer.authorizationType).toBe('CUSTOM');
    const { id, ...authorizer } = api.authorizers[byAuthorizer.authorizerId!]!;
    expect(id).toHaveLength(6);
    // APIGW-12: TTL 300 s; the identity source defaults to the scheme's header.
    expect(authorizer).toEqual({ type: 'TOKEN', name: 'pets-auth', functionName: 'pets-auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 300 });
  });

  it('reads x-amazon-apigateway-integration, replacing ${AWS::Region} and ${AWS::AccountId}', () => {
    // APIGW-07: 29,000 ms unless timeoutInMillis says otherwise.
    expect(methodAt(api, '/pets', 'GET').integration).toEqual({ type: 'AWS_PROXY', uri: LAMBDA_URI, timeoutInMillis: 29_000 });
    expect(methodAt(api, '/pets', 'POST').integration).toEqual({ type: 'AWS_PROXY', uri: LAMBDA_URI, timeoutInMillis: 5_000 });
    expect(methodAt(api, '/health', 'GET').integration).toEqual({
      type: 'MOCK', uri: '', timeoutInMillis: 29_000, requestTemplates: { 'application/json': '{"statusCode": 200}' }, mockStatusCode: 200, mockBody: '{"status": "ok"}',
      integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': '{"status": "ok"}' } } },
    });
    expect(methodAt(api, '/{proxy+}', 'ANY').integration).toEqual({
      type: 'HTTP_PROXY', uri: 'https://legacy.example.com/{proxy}', timeoutInMillis: 29_000, requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
  });

  it('creates the models, the validator, and ties the POST body to NewPet through body-only', () => {
    expect(Object.keys(api.models!).sort()).toEqual(['NewPet', 'Pet', 'Pets']);
    expect(api.models!['NewPet']).toMatchObject({ contentType: 'application/json', schema: '{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1}}}' });
    const post = methodAt(api, '/pets', 'POST');
    expect(post.requestModels).toEqual({ 'application/json': 'NewPet' });
    expect(api.requestValidators![post.requestValidatorId!]).toMatchObject({ name: 'body-only', validateRequestBody: true, validateRequestParameters: false });
    expect(methodAt(api, '/pets', 'GET').requestValidatorId).toBeUndefined();
  });

  it('keeps the method responses with their models', () => {
    expect(methodAt(api, '/pets/{petId}', 'GET').methodResponses).toEqual({ '200': { statusCode: '200', responseModels: { 'application/json': 'Pet' } } });
    expect(methodAt(api, '/pets', 'POST').methodResponses).toEqual({ '201': { statusCode: '201' } });
  });

  it('customises gateway responses, which then shape the 401', () => {
    expect(api.gatewayResponses).toEqual({ UNAUTHORIZED: { statusCode: 401, headers: { 'Access-Control-Allow-Origin': '*' }, template: '{"error": $context.error.messageString}' } });
    must(session, 'aws apigateway create-deployment --rest-api-id PetStore --stage-name prod');
    const denied = must(session, 'sim http GET /prod/pets/7 --api PetStore');
    expect(denied).toMatchObject({ status: 401, body: '{"error": "Unauthorized"}' });
  });
});

describe('import-rest-api: the other mappings', () => {
  it('reads Swagger 2.0: securityDefinitions, definitions, an in: body parameter and basepath=prepend', () => {
    const doc = `swagger: '2.0'
info: {title: Legacy, version: '1'}
basePath: /v1
paths:
  /orders:
    post:
      consumes: [application/json]
      parameters:
        - {in: body, name: Order, required: true, schema: {$ref: '#/definitions/Order'}}
        - {in: header, name: X-Trace, required: true, type: string}
      security: [{sigv4: []}]
      x-amazon-apigateway-integration: {type: http, uri: 'https://orders.example.com/orders', httpMethod: POST, passthroughBehavior: when_no_templates}
securityDefinitions:
  sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
definitions:
  Order: {type: object}
`;
    const session = openApiSandbox({ 'legacy.yaml': doc });
    must(session, 'aws apigateway import-rest-api --body file://legacy.yaml --parameters basepath=prepend');
    const method = methodAt(restApiNamed(session, 'Legacy'), '/v1/orders', 'POST');
    expect(method).toMatchObject({
      authorizationType: 'AWS_IAM', apiKeyRequired: false, requestParameters: { 'method.request.header.X-Trace': true }, requestModels: { 'application/json': 'Order' },
      integration: { type: 'HTTP', uri: 'https://orders.example.com/orders', timeoutInMillis: 29_000, passthroughBehavior: 'WHEN_NO_TEMPLATES' },
    });
  });

  it('reads REQUEST and Cognito authorizers, integration responses by selection pattern, and API-wide extensions', () => {
    const paths = `  /reports:
    get:
      security: [{byRequest: []}]
      x-amazon-apigateway-integration:
        type: aws
        uri: ${LAMBDA_URI}
        httpMethod: POST
        requestTemplates: {application/json: '{"q": "$input.params(''q'')"}'}
        responses:
          default: {statusCode: '200'}
          'Not found.*': {statusCode: '404', responseTemplates: {application/json: '{"message": "missing"}'}}
  /me:
    get:
      security: [{pool: []}]
      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 204}'}}
`;
    const extra = `components:
  securitySchemes:
    byRequest:
      type: apiKey
      name: Unused
      in: header
      x-amazon-apigateway-authorizer: {type: request, authorizerUri: ${LAMBDA_URI}, identitySource: 'method.request.header.X-User, method.request.querystring.tenant', authorizerResultTtlInSeconds: 0}
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc']}
x-amazon-apigateway-api-key-source: AUTHORIZER
x-amazon-apigateway-policy:
  Version: '2012-10-17'
  Statement: [{Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: '*'}]
`;
    const session = openApiSandbox({ 'doc.yaml': oas(paths, extra) });
    must(session, 'aws apigateway import-rest-api --body file://doc.yaml');
    const api = restApiNamed(session, 'Doc');
    const reports = methodAt(api, '/reports', 'GET');
    expect(api.authorizers[reports.authorizerId!]).toMatchObject({ type: 'REQUEST', functionName: 'pets', identitySources: ['method.request.header.X-User', 'method.request.querystring.tenant'], resultTtlSeconds: 0 });
    expect(reports.integration!.integrationResponses).toEqual({
      '200': { statusCode: '200' },
      '404': { statusCode: '404', selectionPattern: 'Not found.*', responseTemplates: { 'application/json': '{"message": "missing"}' } },
    });
    expect(reports.integration!.requestTemplates).toEqual({ 'application/json': '{"q": "$input.params(\'q\')"}' });
    const me = methodAt(api, '/me', 'GET');
    expect(me.authorizationType).toBe('COGNITO_USER_POOLS');
    expect(api.authorizers[me.authorizerId!]).toMatchObject({ type: 'COGNITO_USER_POOLS', name: 'pool', identitySource: 'method.request.header.Authorization' });
    expect(me.integration).toMatchObject({ type: 'MOCK', mockStatusCode: 204 });
    expect(api.apiKeySource).toBe('AUTHORIZER');
    expect(JSON.parse(api.resourcePolicy!)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] });
    expect(api.endpointType).toBe('EDGE'); // APIGW-02: edge-optimized unless told
  });

  it('reads a JSON body as well as YAML', () => {
    const doc = JSON.stringify({ openapi: '3.0.1', info: { title: 'Json', version: '1' }, paths: { '/': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } } });
    const session = openApiSandbox({ 'doc.json': doc });
    must(session, 'aws apigateway import-rest-api --body file://doc.json');
    expect(methodAt(restApiNamed(session, 'Json'), '/', 'GET').integration).toEqual({ type: 'MOCK', uri: '', timeoutInMillis: 29_000 });
  });
});
