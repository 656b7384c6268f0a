// Proves that the behavioural answers of hand-written API Gateway questions on request validation and
// OpenAPI import/export (data/questions/apigateway/validation-mapping.yaml, openapi.yaml) are what the
// simulator does when the question's setup is run through the sandbox: statuses and bodies of
// validation failures (APIGW-09), what import makes of validators and basePath, that an export follows
// the deployment (APIGW-03), and that an import with an error creates nothing (APIGW-01).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/quiz/index.js';
import { createSandbox, runSandboxLine, type LineReport } from '../../src/sim/index.js';

const BANK = path.resolve(import.meta.dirname, '../../data/questions');
const bank = loadQuestionBank([path.join(BANK, 'apigateway')], BANK);

/** The text of the one correct choice of a single-choice question. */
function rightChoice(id: string): string {
  const question = bank.questions.find((candidate) => candidate.id === id);
  if (question?.type !== 'single') throw new Error(`${id} is not a single-choice question in the bank`);
  const right = question.choices.filter((choice) => choice.correct);
  expect(right).toHaveLength(1);
  return right[0]!.text;
}

/** Runs lines in a fresh sandbox whose files are `files`; every line but `sim http` and those in `mayFail` must succeed. */
function runLines(lines: readonly string[], files: Readonly<Record<string, string>> = {}, mayFail: readonly string[] = []): LineReport[] {
  const io = { readText: (name: string) => (name in files ? { ok: true as const, value: files[name]! } : { ok: false as const, message: `no file ${name}` }) };
  const session = createSandbox({ seed: 1, io });
  return lines.map((line, i) => {
    const report = runSandboxLine(session, line, i + 1);
    if (!line.startsWith('sim http ') && !mayFail.includes(line)) expect(report.ok, `${line}\n${report.text}`).toBe(true);
    return report;
  });
}

const answer = (report: LineReport | undefined): { status: number; body: string } => ({ status: Number(report?.output?.['status']), body: String(report?.output?.['body'] ?? '') });

const ORDER_SCHEMA = '{"type":"object","required":["item","quantity"],"properties":{"item":{"type":"string"},"quantity":{"type":"integer"}}}';
const STRICT_SCHEMA = '{"type":"object","required":["item"],"properties":{"item":{"type":"string"}},"additionalProperties":false}';
const LOOSE_SCHEMA = '{"type":"object","required":["item"],"properties":{"item":{"type":"string"}}}';

/** POST /orders on a REGIONAL REST API with a MOCK integration, the model and validator given, deployed to prod. */
function ordersApi(schema: string, validatorFlags: string, extra: readonly string[] = []): string[] {
  return [
    'aws apigateway create-rest-api --name api --endpoint-configuration types=REGIONAL',
    'aws apigateway create-resource --rest-api-id api --parent-id / --path-part orders',
    `aws apigateway create-model --rest-api-id api --name Order --content-type application/json --schema '${schema}'`,
    `aws apigateway create-request-validator --rest-api-id api --name checks ${validatorFlags}`,
    `aws apigateway put-method --rest-api-id api --resource-id /orders --http-method POST --authorization-type NONE --request-validator-id checks --request-parameters method.request.querystring.store=true --request-models '{"application/json":"Order"}'`,
    `aws apigateway put-integration --rest-api-id api --resource-id /orders --http-method POST --type MOCK --request-templates '{"application/json":"{\\"statusCode\\": 200}"}'`,
    ...extra,
    'aws apigateway create-deployment --rest-api-id api --stage-name prod',
  ];
}

describe('API Gateway request validation questions against the simulator (APIGW-09)', () => {
  it('validation-body-only-validator: a body-only validator lets a missing required parameter through', () => {
    const reports = runLines([...ordersApi(ORDER_SCHEMA, '--validate-request-body'), `sim http POST /prod/orders -d '{"item":"tea","quantity":2}'`]);
    expect(answer(reports.at(-1)).status).toBe(200);
    expect(rightChoice('apigateway/validation-body-only-validator')).toContain('reaches the integration');
  });

  it('validation-type-no-coercion: "2" and 2.5 are not integers → 400 Invalid request body', () => {
    const reports = runLines([...ordersApi(ORDER_SCHEMA, '--validate-request-body'), `sim http POST /prod/orders -d '{"item":"tea","quantity":"2"}'`, `sim http POST /prod/orders -d '{"item":"tea","quantity":2.5}'`]);
    for (const report of reports.slice(-2)) expect(answer(report)).toEqual({ status: 400, body: '{"message":"Invalid request body"}' });
    expect(rightChoice('apigateway/validation-type-no-coercion')).toBe('400 {"message":"Invalid request body"}');
  });

  it('validation-error-detail: a BAD_REQUEST_BODY gateway response shows $context.error.validationErrorString', () => {
    const custom = `aws apigateway put-gateway-response --rest-api-id api --response-type BAD_REQUEST_BODY --response-templates '{"application/json":"{\\"message\\": \\"$context.error.validationErrorString\\"}"}'`;
    const reports = runLines([...ordersApi(ORDER_SCHEMA, '--validate-request-body', [custom]), `sim http POST /prod/orders -d '{"item":"tea","quantity":"2"}'`]);
    expect(answer(reports.at(-1))).toMatchInlineSnapshot(`
      {
        "body": "{"message": "[instance type (string) does not match any allowed primitive type (allowed: ["integer"])]"}",
        "status": 400,
      }
    `);
    expect(rightChoice('apigateway/validation-error-detail')).toContain('$context.error.validationErrorString');
  });

  it('validation-unknown-properties: extra properties pass unless additionalProperties is false', () => {
    const body = `sim http POST /prod/orders -d '{"item":"tea","discount":100}'`;
    expect(answer(runLines([...ordersApi(LOOSE_SCHEMA, '--validate-request-body'), body]).at(-1)).status).toBe(200);
    expect(answer(runLines([...ordersApi(STRICT_SCHEMA, '--validate-request-body'), body]).at(-1)).status).toBe(400);
    expect(rightChoice('apigateway/validation-unknown-properties')).toContain('"additionalProperties": false');
  });
});

const SWAGGER = (validators: boolean): string => JSON.stringify({
  swagger: '2.0',
  info: { title: 'shop', version: '1' },
  basePath: '/v1',
  ...(validators ? { 'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } }, 'x-amazon-apigateway-request-validator': 'all' } : {}),
  paths: {
    '/orders': {
      post: {
        consumes: ['application/json'],
        parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/Order' } }],
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } },
      },
    },
  },
  definitions: { Order: { type: 'object', required: ['item'], properties: { item: { type: 'string' } } } },
});

const deployShop = ['aws apigateway create-deployment --rest-api-id shop --stage-name prod'];

describe('API Gateway OpenAPI questions against the simulator', () => {
  it('openapi-import-validators: a model alone validates nothing; the validator extensions make it 400 (APIGW-09)', () => {
    const post = `sim http POST /prod/orders --api shop -d '{"item":7}'`;
    const without = runLines(['aws apigateway import-rest-api --body file://plain.json', ...deployShop, post], { 'plain.json': SWAGGER(false) });
    const withValidators = runLines(['aws apigateway import-rest-api --body file://checked.json', ...deployShop, post], { 'checked.json': SWAGGER(true) });
    expect(answer(without.at(-1)).status).toBe(200);
    expect(answer(withValidators.at(-1)).status).toBe(400);
    expect(rightChoice('apigateway/openapi-import-validators')).toContain('x-amazon-apigateway-request-validators');
  });

  it('openapi-basepath-ignored: basePath is dropped by default (403 on /v1/orders), prepended on request (APIGW-09)', () => {
    const calls = [`sim http POST /prod/v1/orders --api shop -d '{"item":"tea"}'`, `sim http POST /prod/orders --api shop -d '{"item":"tea"}'`];
    const ignored = runLines(['aws apigateway import-rest-api --body file://api.json', ...deployShop, ...calls], { 'api.json': SWAGGER(true) });
    expect(ignored.slice(-2).map((report) => answer(report).status)).toEqual([403, 200]);
    const prepended = runLines(['aws apigateway import-rest-api --body file://api.json --parameters basepath=prepend', ...deployShop, ...calls], { 'api.json': SWAGGER(true) });
    expect(prepended.slice(-2).map((report) => answer(report).status)).toEqual([200, 403]);
    expect(rightChoice('apigateway/openapi-basepath-ignored')).toContain('basepath=prepend');
  });

  it('openapi-export-deployed-only: a method added after the deployment is not exported until the next one (APIGW-03)', () => {
    const addReports = [
      'aws apigateway create-resource --rest-api-id shop --parent-id / --path-part reports',
      'aws apigateway put-method --rest-api-id shop --resource-id /reports --http-method GET --authorization-type NONE',
      'aws apigateway put-integration --rest-api-id shop --resource-id /reports --http-method GET --type MOCK',
    ];
    const exportLines = ['aws apigateway get-export --rest-api-id shop --stage-name prod --export-type oas30 out.json', 'sim cat out.json'];
    const reports = runLines(['aws apigateway import-rest-api --body file://api.json', ...deployShop, ...addReports, ...exportLines, ...deployShop, ...exportLines], { 'api.json': SWAGGER(false) });
    const [before, after] = reports.filter((report) => report.command.startsWith('sim cat')).map((report) => report.text);
    expect(before).not.toContain('/reports');
    expect(after).toContain('/reports');
    expect(rightChoice('apigateway/openapi-export-deployed-only')).toContain('create-deployment');
  });

  it('openapi-import-all-or-nothing: a malformed integration refuses the import and creates no API (APIGW-01)', () => {
    const broken = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'broken', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock' } } },
        '/b': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy' } } },
      },
    });
    const importLine = 'aws apigateway import-rest-api --body file://broken.json';
    const reports = runLines([importLine, 'aws apigateway get-rest-apis'], { 'broken.json': broken }, [importLine]);
    expect(reports[0]?.ok).toBe(false);
    expect(reports[0]?.text).toContain('Errors found during import');
    expect(reports[1]?.output?.['items']).toEqual([]);
    expect(rightChoice('apigateway/openapi-import-all-or-nothing')).toContain('No new API');
  });
});
