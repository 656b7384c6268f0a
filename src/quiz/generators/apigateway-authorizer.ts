// Generated Lambda authorizer questions: a TOKEN authorizer with or without its result cache, a first
// request, a pause, and a second request whose status comes from the simulator (the real pipeline:
// identity-source check, cache keyed by token, the catalogue authorizer's method-scoped policy) (APIGW-12).
import { defineFamily, pick, type Option } from './build.js';
import { sandboxRunner, statusOf } from './sandbox-run.js';

const AUTHORIZER_DOC = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/fn-role';
const TRUST = '\'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}\'';

type Token = 'allow' | 'deny' | 'expired' | 'none';
type Handler = 'catalog.token-authorizer' | 'catalog.throw';
type Path = '/orders' | '/reports';

export interface AuthorizerCase {
  readonly handler: Handler;
  readonly ttlSeconds: number;
  readonly first: { readonly token: Token; readonly path: Path };
  readonly pauseSeconds: number;
  readonly second: { readonly token: Token; readonly path: Path };
}

function setupLines(run: ReturnType<typeof sandboxRunner>, handler: Handler, ttlSeconds: number): void {
  run(`aws iam create-role --role-name fn-role --assume-role-policy-document ${TRUST}`);
  run(`aws lambda create-function --function-name orders-fn --runtime nodejs22.x --role ${ROLE_ARN} --handler catalog.http-ok`);
  run(`aws lambda create-function --function-name check-token --runtime nodejs22.x --role ${ROLE_ARN} --handler ${handler}`);
  run('aws apigateway create-rest-api --name orders-api');
  const authorizer = run(`aws apigateway create-authorizer --rest-api-id orders-api --name token-auth --type TOKEN --authorizer-uri check-token --identity-source method.request.header.Authorization --authorizer-result-ttl-in-seconds ${ttlSeconds}`);
  const authorizerId = String(authorizer.output?.['id']);
  for (const path of ['/orders', '/reports']) {
    run(`aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part ${path.slice(1)}`);
    run(`aws apigateway put-method --rest-api-id orders-api --resource-id ${path} --http-method GET --authorization-type CUSTOM --authorizer-id ${authorizerId}`);
    run(`aws apigateway put-integration --rest-api-id orders-api --resource-id ${path} --http-method GET --type AWS_PROXY --integration-http-method POST --uri arn:aws:lambda:us-east-1:123456789012:function:orders-fn`);
  }
  run('aws apigateway create-deployment --rest-api-id orders-api --stage-name prod');
}

const requestLine = (request: AuthorizerCase['second']): string =>
  `sim http GET /prod${request.path} --api orders-api${request.token === 'none' ? '' : ` -H 'Authorization: ${request.token}'`}`;

/** The status of the second request, from the simulator. */
export function secondRequestStatus(authorizerCase: AuthorizerCase, seed: number): number {
  const run = sandboxRunner(seed);
  setupLines(run, authorizerCase.handler, authorizerCase.ttlSeconds);
  run(requestLine(authorizerCase.first));
  run(`sim clock advance ${authorizerCase.pauseSeconds}s`);
  return statusOf(run(requestLine(authorizerCase.second)));
}

const STATUS_OPTIONS: Record<200 | 401 | 403 | 500, Option> = {
  200: { text: '200: the authorizer allows it and orders-fn answers', why: 'A 200 needs an Allow policy that covers this very method ARN, from the function or from the cache.' },
  401: { text: '401 Unauthorized', why: 'A 401 comes from a missing identity source (the function never runs) or from the function throwing the literal error "Unauthorized".' },
  403: { text: '403: the policy does not allow this method', why: 'A 403 comes from a policy with an explicit Deny, or from a policy (possibly cached) that does not name this method.' },
  500: { text: '500: the authorizer failed', why: 'A 500 comes from an authorizer function that fails with any error other than "Unauthorized", or returns malformed output.' },
};

const tokenText = (token: Token): string => (token === 'none' ? 'no Authorization header' : `the header Authorization: ${token}`);

export const authorizerFamily = defineFamily({
  id: 'apigateway-authorizer-outcome',
  topic: 'apigateway-auth',
  title: 'What a Lambda TOKEN authorizer lets through, with and without its cache',
  service: 'apigateway',
  exams: { 'DVA-C02': 'security', 'SAA-C03': 'secure' },
  difficulty: 'hard',
  references: [AUTHORIZER_DOC],
  facts: ['APIGW-12'],
  build(stream, seed) {
    const authorizerCase: AuthorizerCase = {
      handler: pick(stream, ['catalog.token-authorizer', 'catalog.token-authorizer', 'catalog.token-authorizer', 'catalog.throw'] as const),
      ttlSeconds: pick(stream, [0, 300, 300, 3_600]),
      first: { token: pick(stream, ['allow', 'allow', 'deny'] as const), path: pick(stream, ['/orders', '/reports'] as const) },
      pauseSeconds: pick(stream, [10, 120, 400]),
      second: { token: pick(stream, ['allow', 'allow', 'deny', 'expired', 'none'] as const), path: pick(stream, ['/orders', '/reports'] as const) },
    };
    const status = secondRequestStatus(authorizerCase, seed) as keyof typeof STATUS_OPTIONS;
    const { handler, ttlSeconds, first, pauseSeconds, second } = authorizerCase;
    const functionText = handler === 'catalog.throw' ? 'check-token, which has a bug: it throws an unhandled Error on every call' : 'check-token, which returns a policy allowing the request\'s own method ARN for the token "allow", a Deny on that method ARN for "deny", and throws "Unauthorized" for any other token';
    const cacheText = ttlSeconds === 0 ? 'result caching turned off (TTL 0)' : `a result cache TTL of ${ttlSeconds} s`;
    return {
      stem: `A REST API protects GET /orders and GET /reports with one Lambda TOKEN authorizer reading the Authorization header, with ${cacheText}. Its function is ${functionText}. A client calls GET ${first.path} with ${tokenText(first.token)}; ${pauseSeconds} s later it calls GET ${second.path} with ${tokenText(second.token)}. What does the second call get?`,
      right: STATUS_OPTIONS[status],
      wrong: ([200, 401, 403, 500] as const).filter((other) => other !== status).map((other) => STATUS_OPTIONS[other]),
      explanation: 'Missing identity source: 401 before any invocation. Otherwise the cache is keyed by the token; within the TTL the cached policy is reused for every method of the authorizer, so a policy naming only the first method ARN denies the other method (403). A Deny gives 403, a thrown "Unauthorized" 401, any other failure 500.',
      simulatorAnswer: status,
    };
  },
});
