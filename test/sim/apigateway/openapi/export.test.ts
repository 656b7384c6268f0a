// Proves get-export writes what a stage serves (its deployment, not later edits) as OpenAPI 3.0 or
// Swagger 2.0, JSON or YAML, with exactly the extensions asked for; checked on an API built by the CLI
// commands (the documents pinned as inline snapshots) and read back with `sim cat`.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { failure, must, openApiSandbox, run } from './helpers.js';

const BUILD = [
  'aws apigateway create-rest-api --name orders-api --endpoint-configuration types=REGIONAL',
  'aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders',
  'aws apigateway create-resource --rest-api-id orders-api --parent-id /orders --path-part {id}',
  'aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method GET --authorization-type NONE --api-key-required --request-parameters method.request.querystring.status=false',
  'aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --integration-http-method POST --uri arn:aws:lambda:us-east-1:123456789012:function:pets --timeout-in-millis 6000',
  'aws apigateway create-authorizer --rest-api-id orders-api --name token-auth --type TOKEN --authorizer-uri arn:aws:lambda:us-east-1:123456789012:function:pets-auth --identity-source method.request.header.Authorization --authorizer-result-ttl-in-seconds 60',
  'aws apigateway put-method --rest-api-id orders-api --resource-id /orders/{id} --http-method DELETE --authorization-type CUSTOM --authorizer-id token-auth --request-parameters method.request.path.id=true',
  'aws apigateway put-integration --rest-api-id orders-api --resource-id /orders/{id} --http-method DELETE --type MOCK --request-templates \'{"application/json": "{\\"statusCode\\": 204}"}\'',
  'aws apigateway create-deployment --rest-api-id orders-api --stage-name prod',
];

function built() {
  const session = openApiSandbox();
  for (const line of BUILD) {
    const result = run(session, line.replace('--authorizer-id token-auth', `--authorizer-id ${authorizerIdOf(session)}`));
    if (!result.ok) throw new Error(`${line}\n${result.text}`);
  }
  return session;
}

/** The id create-authorizer gave (the sandbox has no variables; ids come from the seed). */
function authorizerIdOf(session: ReturnType<typeof openApiSandbox>): string {
  const listed = run(session, 'sim show api orders-api');
  const authorizers = (listed.out['authorizers'] ?? []) as { id: string }[];
  return authorizers[0]?.id ?? 'none';
}

describe('get-export', () => {
  it('writes OpenAPI 3.0 JSON with every API Gateway extension, and prints the content type', () => {
    const session = built();
    expect(must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type oas30 --parameters extensions=apigateway api.json')).toEqual({
      contentType: 'application/json', contentDisposition: 'attachment; filename="oas30_orders-api_prod.json"',
    });
    expect(run(session, 'sim cat api.json').out['content']).toMatchInlineSnapshot(`
      "{
        "openapi": "3.0.1",
        "info": {
          "title": "orders-api",
          "version": "2026-01-01T00:00:00+00:00"
        },
        "servers": [
          {
            "url": "https://npcez6qs50.execute-api.us-east-1.amazonaws.com/{basePath}",
            "variables": {
              "basePath": {
                "default": "prod"
              }
            }
          }
        ],
        "paths": {
          "/orders": {
            "get": {
              "parameters": [
                {
                  "name": "status",
                  "in": "query",
                  "required": false,
                  "schema": {
                    "type": "string"
                  }
                }
              ],
              "responses": {},
              "security": [
                {
                  "api_key": []
                }
              ],
              "x-amazon-apigateway-integration": {
                "type": "aws_proxy",
                "uri": "arn:aws:lambda:us-east-1:123456789012:function:pets",
                "httpMethod": "POST",
                "timeoutInMillis": 6000,
                "passthroughBehavior": "when_no_match"
              }
            }
          },
          "/orders/{id}": {
            "delete": {
              "parameters": [
                {
                  "name": "id",
                  "in": "path",
                  "required": true,
                  "schema": {
                    "type": "string"
                  }
                }
              ],
              "responses": {},
              "security": [
                {
                  "token-auth": []
                }
              ],
              "x-amazon-apigateway-integration": {
                "type": "mock",
                "timeoutInMillis": 29000,
                "passthroughBehavior": "when_no_match",
                "requestTemplates": {
                  "application/json": "{\\"statusCode\\": 204}"
                }
              }
            }
          }
        },
        "components": {
          "securitySchemes": {
            "api_key": {
              "type": "apiKey",
              "name": "x-api-key",
              "in": "header"
            },
            "token-auth": {
              "type": "apiKey",
              "name": "Authorization",
              "in": "header",
              "x-amazon-apigateway-authtype": "custom",
              "x-amazon-apigateway-authorizer": {
                "type": "token",
                "authorizerUri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-auth/invocations",
                "authorizerResultTtlInSeconds": 60,
                "identitySource": "method.request.header.Authorization"
              }
            }
          }
        },
        "x-amazon-apigateway-api-key-source": "HEADER"
      }
      "
    `);
  });

  it('writes Swagger 2.0 YAML without extensions: plain paths, parameters and security', () => {
    const session = built();
    must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type swagger --accepts application/yaml api.yaml');
    expect(run(session, 'sim cat api.yaml').out['content']).toMatchInlineSnapshot(`
      "swagger: "2.0"
      info:
        title: orders-api
        version: 2026-01-01T00:00:00+00:00
      host: npcez6qs50.execute-api.us-east-1.amazonaws.com
      basePath: /prod
      schemes:
        - https
      paths:
        /orders:
          get:
            parameters:
              - name: status
                in: query
                required: false
                type: string
            responses: {}
            security:
              - api_key: []
        /orders/{id}:
          delete:
            parameters:
              - name: id
                in: path
                required: true
                type: string
            responses: {}
            security:
              - token-auth: []
      securityDefinitions:
        api_key:
          type: apiKey
          name: x-api-key
          in: header
        token-auth:
          type: apiKey
          name: Authorization
          in: header
      "
    `);
  });

  it('adds only the extensions asked for', () => {
    const session = built();
    const exported = (extensions: string) => {
      must(session, `aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type oas30 --parameters extensions=${extensions} out.json`);
      return JSON.parse(run(session, 'sim cat out.json').out['content'] as string);
    };
    const integrations = exported('integrations');
    expect(integrations.paths['/orders'].get['x-amazon-apigateway-integration']).toMatchObject({ type: 'aws_proxy', timeoutInMillis: 6000 });
    expect(integrations.components.securitySchemes['token-auth']['x-amazon-apigateway-authorizer']).toBeUndefined();
    const authorizers = exported('authorizers');
    expect(authorizers.paths['/orders'].get['x-amazon-apigateway-integration']).toBeUndefined();
    // APIGW-12: the TTL the authorizer was created with.
    expect(authorizers.components.securitySchemes['token-auth']['x-amazon-apigateway-authorizer']).toMatchObject({ type: 'token', authorizerResultTtlInSeconds: 60 });
  });

  it('describes the deployment the stage serves, not methods added since', () => {
    const session = built();
    must(session, 'aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method POST --authorization-type NONE');
    must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type oas30 out.json');
    expect(Object.keys(JSON.parse(run(session, 'sim cat out.json').out['content'] as string).paths['/orders'])).toEqual(['get']);
  });

  it('answers NotFoundException for a stage that does not exist', () => {
    expect(failure(built(), 'aws apigateway get-export --rest-api-id orders-api --stage-name dev --export-type oas30 out.json')).toMatchInlineSnapshot(`
      "An error occurred (NotFoundException) when calling the GetExport operation: Invalid Stage identifier specified
      "
    `);
  });

  it('leaves the document in a sandbox file that file:// reads, so an export imports as a copy', () => {
    const session = built();
    must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type swagger --parameters extensions=apigateway api.json');
    const copy = must(session, 'aws apigateway import-rest-api --body file://api.json --fail-on-warnings');
    expect(copy).toMatchObject({ name: 'orders-api', endpointConfiguration: { types: ['EDGE'] } });
  });

  it('writes YAML that reads back as the same document as the JSON', () => {
    const session = built();
    must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type oas30 --parameters extensions=apigateway a.json');
    must(session, 'aws apigateway get-export --rest-api-id orders-api --stage-name prod --export-type oas30 --parameters extensions=apigateway --accepts application/yaml a.yaml');
    expect(parse(run(session, 'sim cat a.yaml').out['content'] as string)).toEqual(JSON.parse(run(session, 'sim cat a.json').out['content'] as string));
  });
});
