// Proves get-sdk --sdk-type javascript writes a small client for a stage (one function per method named
// as AWS's SDK names them, the stage URL, the x-api-key header where a method needs a key), pinned as an
// inline snapshot, and answers API Gateway's errors for other SDK types and unknown stages.
import { describe, expect, it } from 'vitest';
import { apigateway } from '../../../../src/sim/index.js';
import { failure, must, openApiSandbox, run } from './helpers.js';

function deployedPetStore() {
  const session = openApiSandbox();
  must(session, 'aws apigateway import-rest-api --body file://petstore-openapi.yaml');
  must(session, 'aws apigateway create-deployment --rest-api-id PetStore --stage-name prod');
  return session;
}

describe('get-sdk', () => {
  it('writes a JavaScript client with one function per method', () => {
    const session = deployedPetStore();
    expect(must(session, 'aws apigateway get-sdk --rest-api-id PetStore --stage-name prod --sdk-type javascript client.js')).toEqual({
      contentType: 'application/javascript', contentDisposition: 'attachment; filename="javascript_PetStore_prod.js"',
    });
    expect(run(session, 'sim cat client.js').out['content']).toMatchInlineSnapshot(`
      "// JavaScript client for the REST API "PetStore" (npcez6qs50), stage "prod".
      // Written by the trainer's simulator (aws apigateway get-sdk --sdk-type javascript) to show what a
      // generated SDK gives you: one function per method, the stage URL, the x-api-key header where a method
      // requires an API key. AWS's real SDK is a zip (apigClient.js plus helpers) that also signs IAM calls.

      const BASE_URL = 'https://npcez6qs50.execute-api.us-east-1.amazonaws.com/prod';

      async function call(config, method, path, query, body, needsApiKey) {
        const url = new URL(BASE_URL + path);
        for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
        const headers = { 'content-type': 'application/json', ...(config.headers ?? {}) };
        if (needsApiKey) headers['x-api-key'] = config.apiKey;
        const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
      }

      /** config: { apiKey, headers } */
      export function newClient(config = {}) {
        return {
          /** ANY /{proxy+} */
          proxyAny: (params = {}, body) => call(config, params.method ?? 'GET', \`/\${encodeURI(params["proxy"])}\`, {}, body, false),
          /** GET /health */
          healthGet: (params = {}, body) => call(config, 'GET', \`/health\`, {}, body, false),
          /** GET /pets (sends the API key) */
          petsGet: (params = {}, body) => call(config, 'GET', \`/pets\`, { "limit": params["limit"] }, body, true),
          /** POST /pets */
          petsPost: (params = {}, body) => call(config, 'POST', \`/pets\`, {}, body, false),
          /** GET /pets/{petId} (authorizer pets-auth: pass its token in config.headers) */
          petsPetIdGet: (params = {}, body) => call(config, 'GET', \`/pets/\${encodeURIComponent(params["petId"])}\`, {}, body, false),
        };
      }
      "
    `);
  });

  it('names functions as the AWS JavaScript SDK does', () => {
    expect(['/', '/pets', '/pets/{petId}', '/{proxy+}', '/order-items/{id}'].map((path) => apigateway.sdkFunctionName(path, 'GET'))).toEqual(['rootGet', 'petsGet', 'petsPetIdGet', 'proxyGet', 'orderItemsIdGet']);
  });

  it('refuses SDK types API Gateway does not have, and says which real ones the simulator does not write', () => {
    const session = deployedPetStore();
    expect(failure(session, 'aws apigateway get-sdk --rest-api-id PetStore --stage-name prod --sdk-type go out.zip')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the GetSdk operation: Invalid SDK type: go. Valid types are java, javascript, android, objectivec, swift, ruby.
      "
    `);
    expect(failure(session, 'aws apigateway get-sdk --rest-api-id PetStore --stage-name prod --sdk-type java out.zip')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the GetSdk operation: The simulator writes only the javascript SDK; java is a real SDK type it does not generate.
      "
    `);
    expect(failure(session, 'aws apigateway get-sdk --rest-api-id PetStore --stage-name beta --sdk-type javascript out.js')).toMatchInlineSnapshot(`
      "An error occurred (NotFoundException) when calling the GetSdk operation: Invalid Stage identifier specified
      "
    `);
  });
});
