// Bench subject: API requests straight through the API Gateway pipeline: a REST API whose GET method
// uses the real Lambda TOKEN authorizer (the `catalog.token-authorizer` function, invoked through
// Lambda) and a Lambda proxy integration, 1,000 requests per virtual second (under the account
// throttle), all to one path: with distinct paths, a cached policy naming only the first method ARN
// would deny the others (the APIGW-12 pitfall, shown in the tests, not measured here). `cacheOn` turns the authorizer's result cache on (TTL 300 s, APIGW-12)
// or off (TTL 0: the authorizer function runs for every request); the stage cache stays off. Trace
// events are folded by a counting recorder, as `sim load` does.
import { authorize } from '../../src/sim/apigateway/auth/index.js';
import { defineRestApi, invokeApi } from '../../src/sim/apigateway/index.js';
import { createFunction } from '../../src/sim/lambda/index.js';
import { createWorld } from '../../src/sim/world.js';

export function runBench(requests: number, cacheOn: boolean): { wallMs: number; requests: number; statusCounts: Record<string, number>; lambdaInvokes: number } {
  const world = createWorld({ seed: 1 });
  const role = 'arn:aws:iam::123456789012:role/bench';
  createFunction(world, { FunctionName: 'orders', Runtime: 'nodejs22.x', Role: role, Handler: 'catalog.http-ok' });
  createFunction(world, { FunctionName: 'auth', Runtime: 'nodejs22.x', Role: role, Handler: 'catalog.token-authorizer' });
  const api = defineRestApi(world, {
    name: 'bench',
    authorizers: [{ type: 'TOKEN', name: 'tokens', functionName: 'auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: cacheOn ? 300 : 0 }],
    routes: [{ method: 'GET', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizer: 'tokens', cacheKeyParameters: ['method.request.path.id'] }],
    stages: [{ name: 'prod', cacheClusterEnabled: false }],
  });
  if (!api.ok) throw new Error(api.error.message);
  const statusCounts: Record<string, number> = {};
  let lambdaInvokes = 0;
  const headers = { Authorization: 'allow' };
  const started = performance.now();
  world.withRecorder(
    (event) => {
      if (event.service === 'lambda') lambdaInvokes++;
    },
    () => {
      for (let n = 0; n < requests; n++) {
        const result = invokeApi(world, { api: 'bench', stage: 'prod', method: 'GET', path: '/orders/7', headers }, { authorize });
        const status = result.ok ? String(result.value.statusCode) : result.error.name;
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        world.advance(1);
      }
    },
  );
  return { wallMs: performance.now() - started, requests, statusCounts, lambdaInvokes };
}
