// Generated request validation questions: a seeded JSON Schema model (required fields, types, a range,
// sometimes additionalProperties false), a validator checking the body, the parameters or both, and a
// seeded request; the outcome (passes, 400 for parameters, 400 for the body) comes from running the
// request through a sandbox REST API with a MOCK integration (APIGW-09).
import { defineFamily, pick, type Option } from './build.js';
import { sandboxRunner } from './sandbox-run.js';

const VALIDATION_DOC = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html';

type Validator = 'body' | 'params' | 'both';
type ItemValue = 'tea' | 7 | 'absent';
type QuantityValue = 2 | '2' | 0 | 'absent';

export interface ValidationCase {
  readonly required: readonly ('item' | 'quantity')[];
  readonly closed: boolean;
  readonly validator: Validator;
  readonly sendsStore: boolean;
  readonly item: ItemValue;
  readonly quantity: QuantityValue;
  readonly extra: boolean;
}

export type ValidationOutcome = 'passes' | 'parameters' | 'body';

const VALIDATOR_FLAGS: Record<Validator, string> = {
  body: '--validate-request-body',
  params: '--validate-request-parameters',
  both: '--validate-request-body --validate-request-parameters',
};

/** The model: item a string, quantity an integer from 1 to 20, the seeded required list. */
export function modelSchema(validationCase: ValidationCase): string {
  const properties = { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1, maximum: 20 } };
  return JSON.stringify({ type: 'object', required: validationCase.required, properties, ...(validationCase.closed ? { additionalProperties: false } : {}) });
}

export function requestBody(validationCase: ValidationCase): string {
  const body: Record<string, unknown> = {};
  if (validationCase.item !== 'absent') body['item'] = validationCase.item;
  if (validationCase.quantity !== 'absent') body['quantity'] = validationCase.quantity;
  if (validationCase.extra) body['note'] = 'gift';
  return JSON.stringify(body);
}

/** What the client gets, from the simulator. */
export function validationOutcome(validationCase: ValidationCase, seed: number): ValidationOutcome {
  const run = sandboxRunner(seed);
  run('aws apigateway create-rest-api --name orders-api --endpoint-configuration types=REGIONAL');
  run('aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders');
  run(`aws apigateway create-model --rest-api-id orders-api --name Order --content-type application/json --schema '${modelSchema(validationCase)}'`);
  run(`aws apigateway create-request-validator --rest-api-id orders-api --name checks ${VALIDATOR_FLAGS[validationCase.validator]}`);
  run(`aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method POST --authorization-type NONE --request-validator-id checks --request-parameters method.request.querystring.store=true --request-models '{"application/json":"Order"}'`);
  run(`aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method POST --type MOCK --request-templates '{"application/json":"{\\"statusCode\\": 200}"}'`);
  run('aws apigateway create-deployment --rest-api-id orders-api --stage-name prod');
  const report = run(`sim http POST /prod/orders${validationCase.sendsStore ? '?store=s1' : ''} --api orders-api -d '${requestBody(validationCase)}'`);
  const status = Number(report.output?.['status']);
  const body = String(report.output?.['body'] ?? '');
  if (status === 200) return 'passes';
  if (status === 400 && body.includes('Missing required request parameters')) return 'parameters';
  if (status === 400 && body.includes('Invalid request body')) return 'body';
  throw new Error(`unexpected validation answer ${status} ${body}`);
}

const OUTCOME_OPTIONS: Record<ValidationOutcome | 'media', Option> = {
  passes: { text: '200: the request reaches the integration', why: 'A request passes when everything the validator is set to check is right; whatever it does not check is not looked at.' },
  parameters: { text: '400 {"message":"Missing required request parameters: [store]"}', why: 'This needs a validator that checks parameters and a request without the required store.' },
  body: { text: '400 {"message":"Invalid request body"}', why: 'This needs a validator that checks the body and a body that breaks the model: a missing required field, a wrong type, a value out of range, or an extra field when additionalProperties is false.' },
  media: { text: '415 Unsupported Media Type', why: 'The body is JSON with a model for application/json; 415 is about passthrough behaviour, not validation.' },
};

const VALIDATOR_TEXT: Record<Validator, string> = {
  body: 'checks the body only',
  params: 'checks request parameters only',
  both: 'checks both the body and the request parameters',
};

function drawCase(stream: Parameters<typeof pick>[0]): ValidationCase {
  return {
    required: pick(stream, [['item'], ['item', 'quantity'], ['quantity']] as const),
    closed: pick(stream, [false, false, true]),
    validator: pick(stream, ['body', 'params', 'both', 'both'] as const),
    sendsStore: pick(stream, [true, true, false]),
    item: pick(stream, ['tea', 'tea', 7, 'absent'] as const),
    quantity: pick(stream, [2, 2, '2', 0, 'absent'] as const),
    extra: pick(stream, [false, false, true]),
  };
}

export const validationFamily = defineFamily({
  id: 'apigateway-validation-outcome',
  topic: 'apigateway-validation',
  title: 'What a request validator answers for a given model and request',
  service: 'apigateway',
  exams: { 'DVA-C02': 'development' },
  difficulty: 'medium',
  references: [VALIDATION_DOC],
  facts: ['APIGW-09'],
  build(stream, seed) {
    const validationCase = drawCase(stream);
    const outcome = validationOutcome(validationCase, seed);
    const url = `/prod/orders${validationCase.sendsStore ? '?store=s1' : ''}`;
    return {
      stem: `POST /orders on a REST API marks the query string parameter store as required and has the model ${modelSchema(validationCase)} for application/json. Its request validator ${VALIDATOR_TEXT[validationCase.validator]}. A client sends POST ${url} with Content-Type application/json and the body ${requestBody(validationCase)}. What does the client get?`,
      right: OUTCOME_OPTIONS[outcome],
      wrong: (['passes', 'parameters', 'body', 'media'] as const).filter((other) => other !== outcome).map((other) => OUTCOME_OPTIONS[other]),
      explanation: 'A validator checks only what it is set to check. Parameters: every required one must be present and not blank (400 naming them). Body: the JSON must match the model for its content type, types included, with no conversion of "2" to 2; properties the model does not list are allowed unless additionalProperties is false (400 Invalid request body). Both failing: the parameters are reported. Nothing failing: the integration runs.',
      simulatorAnswer: outcome,
    };
  },
});
