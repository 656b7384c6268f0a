// Proves REST request validation through the sandbox with exact answers (APIGW-09): a missing or blank
// required parameter → 400 "Missing required request parameters: [...]"; a body that breaks the model →
// 400 "Invalid request body" with the detail in $context.error.validationErrorString; the model follows
// the content type ($default as fallback, none → no check); the validator runs after the authorizer;
// a deployment freezes the validators (APIGW-03); create-model refuses a schema that is not JSON.
import { afterEach, describe, expect, it } from 'vitest';
import { setApiGatewayAuthorizer } from '../../../src/sim/apigateway/invoke-api.js';
import { apiGatewayState } from '../../../src/sim/apigateway/model.js';
import { createSandbox, runSandboxLine, runSandboxScript, type SandboxSession } from '../../../src/sim/index.js';
import { allowHeaderAuthorizer } from './fixtures.js';

type Answer = { status: number; body: string; headers: Record<string, string>; trace: { step: string; outcome: string; detail?: Record<string, unknown> }[] };

function run(script: string): SandboxSession {
  const session = createSandbox({ seed: 5 });
  for (const line of runSandboxScript(session, script).lines) expect(line.ok, `${line.command}\n${line.text}`).toBe(true);
  return session;
}

const http = (session: SandboxSession, line: string): Answer => runSandboxLine(session, line).output as Answer;

const ORDER_SCHEMA = JSON.stringify({
  type: 'object', required: ['item', 'quantity'], additionalProperties: false,
  properties: { item: { type: 'string', minLength: 2, pattern: '^[a-z]+$' }, quantity: { type: 'integer', minimum: 1, maximum: 10 }, size: { enum: ['S', 'M', 'L'] } },
});

const setup = (validator: string, models = `'{"application/json":"Order"}'`): string => `
aws apigateway create-rest-api --name shop
aws apigateway create-resource --rest-api-id shop --parent-id / --path-part orders
aws apigateway create-model --rest-api-id shop --name Order --content-type application/json --schema '${ORDER_SCHEMA}'
aws apigateway create-request-validator --rest-api-id shop --name checks ${validator}
aws apigateway put-method --rest-api-id shop --resource-id /orders --http-method POST --authorization-type NONE --request-validator-id checks --request-parameters method.request.querystring.store=true,method.request.header.x-client=true --request-models ${models}
aws apigateway put-integration --rest-api-id shop --resource-id /orders --http-method POST --type MOCK --request-templates '{"application/json":"{\\"statusCode\\": 200}"}'
aws apigateway create-deployment --rest-api-id shop --stage-name prod
`;

const BOTH = '--validate-request-body --validate-request-parameters';
const good = `-H 'x-client: web' -d '{"item":"tea","quantity":2}'`;

afterEach(() => setApiGatewayAuthorizer(undefined));

describe('required parameters (APIGW-09)', () => {
  it('answers 400 naming every missing or blank one, in the order the method declares them', () => {
    const session = run(setup(BOTH));
    const missing = http(session, `sim http POST /prod/orders -d '{"item":"tea","quantity":2}'`);
    expect(missing.status).toBe(400);
    expect(missing.body).toBe('{"message":"Missing required request parameters: [store, x-client]"}');
    expect(missing.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(http(session, `sim http POST /prod/orders?store= ${good}`).body).toBe('{"message":"Missing required request parameters: [store]"}');
    expect(http(session, `sim http POST /prod/orders?store=s1 ${good}`).status).toBe(200);
  });

  it('checks only the body when the validator checks only the body', () => {
    const session = run(setup('--validate-request-body'));
    expect(http(session, `sim http POST /prod/orders -d '{"item":"tea","quantity":2}'`).status).toBe(200);
  });
});

describe('body against the model (APIGW-09)', () => {
  const detailOf = (answer: Answer): unknown => answer.trace.find((s) => s.step === 'validation')?.detail?.['validationErrorString'];

  it('answers 400 "Invalid request body" and puts each problem in validationErrorString', () => {
    const session = run(setup(BOTH));
    const bad = http(session, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -d '{"item":"T","quantity":20,"size":"XL","gift":true}'`);
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('{"message":"Invalid request body"}');
    expect(detailOf(bad)).toMatchInlineSnapshot(`"[object instance has properties which are not allowed by the schema: ["gift"], string "T" is too short (length: 1, required minimum: 2), ECMA 262 regex "^[a-z]+$" does not match input string "T", numeric instance is greater than the required maximum (maximum: 10, found: 20), instance value ("XL") not found in enum (possible values: ["S","M","L"])]"`);
    expect(detailOf(http(session, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -d '{"item":"tea"}'`))).toMatchInlineSnapshot(`"[object has missing required properties (["quantity"])]"`);
    expect(detailOf(http(session, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -d '{"item":"tea","quantity":"2"}'`))).toMatchInlineSnapshot(`"[instance type (string) does not match any allowed primitive type (allowed: ["integer"])]"`);
    expect(detailOf(http(session, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -d 'not json'`))).toMatchInlineSnapshot(`"[the request body is not valid JSON]"`);
  });

  it('a customised BAD_REQUEST_BODY response can show $context.error.validationErrorString', () => {
    const session = run(`${setup(BOTH)}
aws apigateway put-gateway-response --rest-api-id shop --response-type BAD_REQUEST_BODY --response-templates '{"application/json":"{\\"error\\": $context.error.messageString, \\"detail\\": \\"$context.error.validationErrorString\\"}"}'`);
    const bad = http(session, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -d '{"item":"tea","quantity":0}'`);
    expect(bad.body).toMatchInlineSnapshot(`"{"error": "Invalid request body", "detail": "[numeric instance is lower than the required minimum (minimum: 1, found: 0)]"}"`);
  });

  it('picks the model by content type: none means application/json, unmatched means no check, $default catches all', () => {
    const session = run(setup(BOTH));
    const plain = `sim http POST /prod/orders?store=s1 -H 'x-client: web' -H 'Content-Type: text/plain' -d 'anything'`;
    expect(http(session, plain).trace.find((s) => s.step === 'validation')?.detail?.['bodyCheck']).toBe('no-model');
    const withDefault = run(setup(BOTH, `'{"$default":"Order"}'`));
    expect(http(withDefault, plain).status).toBe(400);
    expect(http(withDefault, `sim http POST /prod/orders?store=s1 -H 'x-client: web' -H 'Content-Type: application/json; charset=utf-8' -d '{"item":"tea","quantity":3}'`).status).toBe(200);
  });
});

describe('order and deployments', () => {
  it('runs after the authorizer: a refused caller gets 401 even with an invalid request', () => {
    setApiGatewayAuthorizer(allowHeaderAuthorizer);
    const session = run('aws apigateway create-rest-api --name shop\naws apigateway create-authorizer --rest-api-id shop --name gate --type TOKEN --authorizer-uri gate');
    const api = Object.values(apiGatewayState(session.world).restApis)[0]!;
    const authorizerId = Object.keys(api.authorizers)[0]!;
    const script = setup(BOTH).replace('aws apigateway create-rest-api --name shop', '').replace('--authorization-type NONE', `--authorization-type CUSTOM --authorizer-id ${authorizerId}`);
    for (const line of runSandboxScript(session, script).lines) expect(line.ok, `${line.command}\n${line.text}`).toBe(true);
    expect(http(session, `sim http POST /prod/orders -d '{}'`).status).toBe(401);
    const allowed = http(session, `sim http POST /prod/orders -H 'Authorization: allow' -d '{}'`);
    expect(allowed.status).toBe(400);
    expect(allowed.trace.map((s) => s.step)).toEqual(['route', 'throttle', 'authorizer', 'validation']);
  });

  it('serves the validators and models the deployment froze (APIGW-03)', () => {
    const session = run(setup('--validate-request-body'));
    const api = Object.values(apiGatewayState(session.world).restApis)[0]!;
    const validatorId = Object.keys(api.requestValidators ?? {})[0]!;
    api.requestValidators![validatorId] = { ...api.requestValidators![validatorId]!, validateRequestParameters: true };
    api.models!['Order'] = { ...api.models!['Order']!, schema: '{"type":"string"}' };
    const request = `sim http POST /prod/orders -d '{"item":"tea","quantity":2}'`;
    expect(http(session, request).status).toBe(200);
    expect(runSandboxLine(session, 'aws apigateway create-deployment --rest-api-id shop --stage-name prod').ok).toBe(true);
    expect(http(session, request).body).toBe('{"message":"Missing required request parameters: [store, x-client]"}');
  });
});

describe('create-model and put-method errors', () => {
  it('pins the messages', () => {
    const session = run(setup(BOTH));
    const text = (line: string): string => runSandboxLine(session, line).text;
    expect(text(`aws apigateway create-model --rest-api-id shop --name Broken --content-type application/json --schema '{"type":'`)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the CreateModel operation: Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]
      "
    `);
    expect(text(`aws apigateway create-model --rest-api-id shop --name Order --content-type application/json --schema '{}'`)).toMatchInlineSnapshot(`
      "An error occurred (ConflictException) when calling the CreateModel operation: Model name already exists for this REST API
      "
    `);
    expect(text(`aws apigateway put-method --rest-api-id shop --resource-id /orders --http-method PUT --authorization-type NONE --request-validator-id nope`)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the PutMethod operation: Invalid Request Validator identifier specified
      "
    `);
    expect(text(`aws apigateway put-method --rest-api-id shop --resource-id /orders --http-method PUT --authorization-type NONE --request-models '{"application/json":"Nope"}'`)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the PutMethod operation: Invalid model identifier specified: Nope
      "
    `);
    const models = runSandboxLine(session, 'aws apigateway get-models --rest-api-id shop').output as { items: { name: string }[] };
    expect(models.items.map((m) => m.name)).toEqual(['Empty', 'Error', 'Order']);
  });
});
