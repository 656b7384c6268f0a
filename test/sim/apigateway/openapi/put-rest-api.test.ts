// Proves put-rest-api changes an existing API from a document: --mode overwrite replaces its whole
// definition (methods, authorizers, models) while stages keep serving their deployment until the next
// create-deployment; --mode merge (the default) adds the document's methods and replaces those at the
// same path and verb, keeping the rest; a refused put changes nothing.
import { describe, expect, it } from 'vitest';
import { failure, methodAt, must, oas, openApiSandbox, restApiNamed, run } from './helpers.js';

const NEW_DOC = oas(`  /orders:
    get:
      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 202}'}}
`);

function importedPetStore() {
  const session = openApiSandbox({ 'new.yaml': NEW_DOC, 'bad.yaml': oas('  /x:\n    get:\n      x-amazon-apigateway-integration: {type: soap}\n') });
  must(session, 'aws apigateway import-rest-api --body file://petstore-openapi.yaml');
  must(session, 'aws apigateway create-deployment --rest-api-id PetStore --stage-name prod');
  return session;
}

const pathsOf = (session: ReturnType<typeof importedPetStore>) => Object.values(restApiNamed(session, 'PetStore').resources).filter((r) => Object.keys(r.methods).length > 0).map((r) => `${r.path} ${Object.keys(r.methods).sort().join(',')}`).sort();

describe('put-rest-api', () => {
  it('overwrites the definition but not the stage until a new deployment', () => {
    const session = importedPetStore();
    const out = must(session, 'aws apigateway put-rest-api --rest-api-id PetStore --mode overwrite --body file://new.yaml');
    expect(out['name']).toBe('PetStore');
    expect(pathsOf(session)).toEqual(['/orders GET']);
    const api = restApiNamed(session, 'PetStore');
    expect([Object.keys(api.authorizers).length, Object.keys(api.models!).length, Object.keys(api.requestValidators!).length]).toEqual([0, 0, 0]);
    expect(must(session, 'sim http GET /prod/health --api PetStore')['status']).toBe(200);
    must(session, 'aws apigateway create-deployment --rest-api-id PetStore --stage-name prod');
    expect(must(session, 'sim http GET /prod/orders --api PetStore')['status']).toBe(202);
    expect(run(session, 'sim http GET /prod/health --api PetStore').out['status']).toBe(403); // APIGW-09: no such route now
  });

  it('merges by default: new methods are added, the rest stays', () => {
    const session = importedPetStore();
    must(session, 'aws apigateway put-rest-api --rest-api-id PetStore --body file://new.yaml');
    expect(pathsOf(session)).toEqual(['/health GET', '/orders GET', '/pets GET,POST', '/pets/{petId} GET', '/{proxy+} ANY']);
    expect(methodAt(restApiNamed(session, 'PetStore'), '/orders', 'GET').integration).toMatchObject({ type: 'MOCK', mockStatusCode: 202 });
  });

  it('replaces a method at the same path and verb when merging', () => {
    const session = importedPetStore();
    must(session, `aws apigateway put-rest-api --rest-api-id PetStore --body '${oas('  /health:\n    get:\n      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: "{\\"statusCode\\": 503}"}}\n')}'`);
    expect(methodAt(restApiNamed(session, 'PetStore'), '/health', 'GET').integration).toMatchObject({ mockStatusCode: 503 });
  });

  it('changes nothing when the document is refused', () => {
    const session = importedPetStore();
    const before = session.world.snapshot();
    expect(failure(session, 'aws apigateway put-rest-api --rest-api-id PetStore --mode overwrite --body file://bad.yaml')).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the PutRestApi operation: Errors found during import:
      	Unable to parse API definition because of a malformed integration at path /x: type 'soap' is not one of aws, aws_proxy, http, http_proxy, mock.
      "
    `);
    expect(session.world.snapshot()).toEqual(before);
  });
});
