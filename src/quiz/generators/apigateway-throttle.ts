// Generated API Gateway throttling questions: a stage throttle of rate R and burst B, a first burst of
// requests, a pause, a second burst; how many of the second get a 200 is counted from the simulator's
// own token buckets by sending every request through a sandbox (APIGW-04).
import { apigateway } from '../../sim/index.js';
import { formatNumber } from '../placeholders.js';
import { defineFamily, pick, type Option } from './build.js';
import { distinctCounts, sandboxStatuses } from './sandbox-run.js';

const THROTTLING_DOC = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html';
const LIMITS_DOC = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html';

const API_SETUP = [
  'aws apigateway create-rest-api --name shop-api',
  'aws apigateway create-resource --rest-api-id shop-api --parent-id / --path-part items',
  'aws apigateway put-method --rest-api-id shop-api --resource-id /items --http-method GET --authorization-type NONE',
  'aws apigateway put-integration --rest-api-id shop-api --resource-id /items --http-method GET --type MOCK',
  'aws apigateway create-deployment --rest-api-id shop-api --stage-name prod',
];

const throttleLine = (rate: number, burst: number): string =>
  `aws apigateway update-stage --rest-api-id shop-api --stage-name prod --patch-operations op=replace,path=/*/*/throttling/rateLimit,value=${rate} op=replace,path=/*/*/throttling/burstLimit,value=${burst}`;

const requests = (count: number): string[] => Array.from({ length: count }, () => 'sim http GET /prod/items --api shop-api');

interface Pattern {
  readonly rate: number;
  readonly burst: number;
  readonly first: number;
  readonly pauseSeconds: number;
  readonly second: number;
}

/** Sends the pattern through the simulator and counts the 200s of the second burst. */
export function secondBurstPassed(pattern: Pattern, seed: number): number {
  const lines = [...API_SETUP, throttleLine(pattern.rate, pattern.burst), ...requests(pattern.first), `sim clock advance ${pattern.pauseSeconds}s`, ...requests(pattern.second)];
  const statuses = sandboxStatuses(seed, lines);
  return statuses.slice(-pattern.second).filter((status) => status === 200).length;
}

function wrongCounts(pattern: Pattern, right: number): Option[] {
  const refill = pattern.rate * pattern.pauseSeconds;
  const candidates: readonly [number, string][] = [
    [pattern.second, 'A pause does not reset throttling to "everything passes": the bucket holds at most the burst and only refills at the rate.'],
    [Math.min(pattern.second, pattern.burst), 'The bucket is not full again after the pause unless rate × pause covers what the first burst took.'],
    [Math.min(pattern.second, refill), 'Tokens left over from the first burst (if any) are still in the bucket; the refill adds to them, capped at the burst.'],
    [Math.min(pattern.second, pattern.rate), 'The rate is tokens added per second, not a per-second window of requests.'],
    [0, 'A throttled client is not blocked: every request that finds a token passes.'],
    [Math.min(pattern.second, refill + pattern.burst), 'The bucket can never hold more than the burst, however long the pause.'],
  ];
  const filler = 'Work the bucket through step by step: what the first group leaves, what the pause adds (never above the burst), one token per request.';
  return distinctCounts(candidates, right, filler).map(([count, why]) => ({ text: `${count} of ${pattern.second}`, why }));
}

export const apiThrottleFamily = defineFamily({
  id: 'apigateway-throttle-outcome',
  topic: 'apigateway-throttling',
  title: 'How many requests pass an API Gateway stage throttle',
  service: 'apigateway',
  exams: { 'DVA-C02': 'troubleshooting', 'SAA-C03': 'performant' },
  difficulty: 'medium',
  references: [THROTTLING_DOC, LIMITS_DOC],
  facts: ['APIGW-04'],
  build(stream, seed) {
    const rate = pick(stream, [1, 2, 5, 10]);
    const burst = pick(stream, [2, 4, 5, 10, 20]);
    const first = pick(stream, [burst, burst + 3, 2 * burst, Math.max(1, burst - 1)]);
    const pauseSeconds = pick(stream, [1, 2, 3]);
    const second = pick(stream, [5, 8, 12, 15, 25]);
    const pattern = { rate, burst, first, pauseSeconds, second };
    const passed = secondBurstPassed(pattern, seed);
    return {
      stem: `A REST API stage is throttled to a rate of ${rate} requests per second with a burst of ${burst}; nothing else has called the account's APIs. A client sends ${first} requests at the same instant, waits ${pauseSeconds} s, then sends ${second} more at one instant. How many of the second group get a 200 response?`,
      right: { text: `${passed} of ${second}`, why: `The bucket holds min(${burst}, ${Math.max(0, burst - first)} left + ${rate} × ${pauseSeconds} s) tokens when the second group arrives; each request takes one.` },
      wrong: wrongCounts(pattern, passed),
      explanation: `API Gateway throttles with a token bucket: it starts full with ${burst} tokens (the burst), gains ${rate} per second up to ${burst}, and every request takes one or gets 429 Too Many Requests. The first group leaves ${Math.max(0, burst - first)} tokens; ${pauseSeconds} s add ${rate * pauseSeconds}, capped at ${burst}, so ${passed} of the second group pass and the rest get 429. The account limit (${formatNumber(apigateway.ACCOUNT_RATE_PER_SECOND)} per second, burst ${formatNumber(apigateway.ACCOUNT_BURST)}) is far away and plays no part.`,
      simulatorAnswer: passed,
    };
  },
});
