// Proves what import-rest-api refuses and what it only warns about: a body that is not YAML/JSON names
// line and column; a document that is not OpenAPI 3.0 / Swagger 2.0 and a malformed integration are
// BadRequestExceptions listing every error; unsupported features are warnings in the answer, or the
// error with --fail-on-warnings. Any refused import leaves the world exactly as it was (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failure, must, oas, openApiSandbox, run } from './helpers.js';

const importOf = (text: string) => {
  const session = openApiSandbox({ 'doc.yaml': text });
  return { session, line: 'aws apigateway import-rest-api --body file://doc.yaml' };
};

/** The error text of importing `text`. */
const importFailure = (text: string): string => {
  const { session, line } = importOf(text);
  return failure(session, line);
};

describe('import-rest-api errors', () => {
  it('names the line and column of a YAML syntax error', () => {
    const { session, line } = importOf('openapi: 3.0.1\ninfo:\n  title: "unclosed\npaths: {}\n');
    expect(failure(session, line)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Invalid OpenAPI input. The body is not valid YAML or JSON at line 5, column 1: Missing closing "quote
      "
    `);
  });

  it('reads --body as a blob: a missing file is the CLI\'s paramfile error', () => {
    expect(failure(openApiSandbox(), 'aws apigateway import-rest-api --body file://missing.yaml')).toMatchInlineSnapshot(`
      "Error parsing parameter '--body': Unable to load paramfile file://missing.yaml: [Errno 2] No such file or directory: 'missing.yaml'
      (line 1, column 39)
          aws apigateway import-rest-api --body file://missing.yaml
                                                ^
      "
    `);
  });

  it('names the line and column of a JSON syntax error', () => {
    const { session, line } = importOf('{\n  "openapi": "3.0.1",\n  "info": {"title": "x",}\n  "paths": {}\n}');
    expect(failure(session, line)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Invalid OpenAPI input. The body is not valid YAML or JSON at line 4, column 3: Missing , between flow map items
      "
    `);
  });

  it('refuses documents that are not OpenAPI 3.0 or Swagger 2.0', () => {
    expect(importFailure('openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\n')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Invalid OpenAPI input. REST APIs import OpenAPI 3.0 ('openapi: 3.0.1') or Swagger 2.0 ('swagger: "2.0"') documents; found openapi 3.1.0.
      "
    `);
    expect(importFailure('paths: {}\n')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Invalid OpenAPI input. REST APIs import OpenAPI 3.0 ('openapi: 3.0.1') or Swagger 2.0 ('swagger: "2.0"') documents; found no version field.
      "
    `);
  });

  it('lists every error at once: a missing title, a malformed integration, a bad path part, a bad authorizer', () => {
    const doc = `openapi: 3.0.1
info: {version: '1'}
paths:
  /pets:
    get:
      security: [{auth: []}]
      x-amazon-apigateway-integration: {type: lambda, uri: 'arn:x'}
  /pets/{id}/items%20:
    get:
      x-amazon-apigateway-integration: {type: aws_proxy, uri: 'arn:x', timeoutInMillis: 40000}
components:
  securitySchemes:
    auth: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerResultTtlInSeconds: 300}}
`;
    const { session, line } = importOf(doc);
    expect(failure(session, line)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Errors found during import:
      	info.title is required: it becomes the API name.
      	Authorizer 'auth': authorizerUri is required for a token authorizer.
      	Unable to parse API definition because of a malformed integration at path /pets: type 'lambda' is not one of aws, aws_proxy, http, http_proxy, mock.
      	Resource path /pets/{id}/items%20: the path part 'items%20' is invalid; path parts allow a-zA-Z0-9._- and curly braces at the beginning and the end, with an optional plus sign before the closing brace.
      "
    `);
  });
});

describe('import-rest-api limits (APIGW-08)', () => {
  it('refuses more than 10 authorizers', () => {
    const schemes = Array.from({ length: 11 }, (_, i) => `    a${i}: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:x'}}\n`).join('');
    expect(importFailure(oas('  /x:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n', `components:\n  securitySchemes:\n${schemes}`))).toMatchInlineSnapshot(`
      "An error occurred (LimitExceededException) when calling the ImportRestApi operation: Maximum number of Authorizers for this API has been reached
      "
    `);
  });

  it('refuses more than 300 resources, counting parents and the root', () => {
    const paths = Array.from({ length: 150 }, (_, i) => `  /r${i}/child: {}\n`).join('');
    expect(importFailure(oas(paths))).toMatchInlineSnapshot(`
      "An error occurred (LimitExceededException) when calling the ImportRestApi operation: Maximum number of Resources for this API has been reached
      "
    `);
    expect(run(importOf(oas(Array.from({ length: 149 }, (_, i) => `  /r${i}/child: {}\n`).join('') + '  /last: {}\n')).session, 'aws apigateway import-rest-api --body file://doc.yaml').ok).toBe(true);
  });
});

describe('import-rest-api warnings', () => {
  const doc = oas(`  /pets:
    get:
      security: [{oauth: []}, {nowhere: []}]
      parameters: [{name: session, in: cookie}]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
      x-amazon-apigateway-request-validator: strict
      x-amazon-apigateway-integration: {type: mock}
`, `components:
  schemas:
    Pet-Model: {type: object}
  securitySchemes:
    oauth: {type: oauth2, flows: {}}
x-amazon-apigateway-binary-media-types: [image/png]
x-amazon-apigateway-gateway-responses:
  TEAPOT: {statusCode: '418'}
`);

  it('imports anyway and answers the warnings in the RestApi', () => {
    const session = openApiSandbox({ 'doc.yaml': doc });
    expect(must(session, 'aws apigateway import-rest-api --body file://doc.yaml')['warnings']).toMatchInlineSnapshot(`
      [
        "Unable to create model 'Pet-Model': model names are alphanumeric. Ignoring.",
        "Gateway response type 'TEAPOT' is not one API Gateway knows. Ignoring.",
        "x-amazon-apigateway-binary-media-types is not simulated. Ignoring.",
        "Unsupported security definition type 'oauth2' for 'oauth'. Ignoring.",
        "GET /pets: parameter 'session' in cookie is not supported by API Gateway. Ignoring.",
        "GET /pets request body: the model 'Missing' is not defined in the document. Ignoring the reference.",
        "GET /pets: security requirement 'nowhere' names no security definition. Ignoring.",
        "GET /pets: the request validator 'strict' is not defined in x-amazon-apigateway-request-validators. Ignoring.",
      ]
    `);
  });

  it('refuses the import with --fail-on-warnings, naming the warnings, and creates nothing', () => {
    const session = openApiSandbox({ 'doc.yaml': doc });
    const before = session.world.snapshot();
    expect(failure(session, 'aws apigateway import-rest-api --body file://doc.yaml --fail-on-warnings')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the ImportRestApi operation: Warnings found during import:
      	Unable to create model 'Pet-Model': model names are alphanumeric. Ignoring.
      	Gateway response type 'TEAPOT' is not one API Gateway knows. Ignoring.
      	x-amazon-apigateway-binary-media-types is not simulated. Ignoring.
      	Unsupported security definition type 'oauth2' for 'oauth'. Ignoring.
      	GET /pets: parameter 'session' in cookie is not supported by API Gateway. Ignoring.
      	GET /pets request body: the model 'Missing' is not defined in the document. Ignoring the reference.
      	GET /pets: security requirement 'nowhere' names no security definition. Ignoring.
      	GET /pets: the request validator 'strict' is not defined in x-amazon-apigateway-request-validators. Ignoring.
      "
    `);
    expect(session.world.snapshot()).toEqual(before);
  });
});

const GOOD_PATHS = ['/a', '/a/{id}', '/b/{proxy+}', '/c/d/e', '/'];
const BAD_PARTS: Readonly<Record<string, string>> = {
  integrationType: "      x-amazon-apigateway-integration: {type: lambda, uri: 'arn:x'}\n",
  timeout: '      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 10}\n',
  missingUri: '      x-amazon-apigateway-integration: {type: http_proxy}\n',
  responseStatus: '      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: ok}}}\n',
  unknownScheme: '      security: [{oauth: []}]\n      x-amazon-apigateway-integration: {type: mock}\n',
};

describe('import-rest-api is all-or-nothing', () => {
  it('leaves the world exactly as it was when any part of the document is refused', () => {
    fc.assert(
      fc.property(fc.subarray(GOOD_PATHS, { minLength: 0 }), fc.constantFrom(...Object.keys(BAD_PARTS)), fc.boolean(), (paths, bad, failOnWarnings) => {
        const good = paths.map((path) => `  ${path}:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n`).join('');
        const text = oas(`${good}  /bad:\n    post:\n${BAD_PARTS[bad]!}`, '\ncomponents:\n  securitySchemes:\n    oauth: {type: oauth2}\n'.slice(bad === 'unknownScheme' ? 0 : 1000));
        const session = openApiSandbox({ 'doc.yaml': text });
        const before = session.world.snapshot();
        // The unknown scheme is only a warning: it is refused with --fail-on-warnings alone.
        const flag = bad === 'unknownScheme' || failOnWarnings ? ' --fail-on-warnings' : '';
        const imported = run(session, `aws apigateway import-rest-api --body file://doc.yaml${flag}`);
        expect(imported.ok).toBe(false);
        expect(session.world.snapshot()).toEqual(before);
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
