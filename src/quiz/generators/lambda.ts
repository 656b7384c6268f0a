// Generated Lambda questions: the monthly bill for memory, duration and requests (the simulator's own
// billing: 1-ms rounding, GB-seconds, free tier, LAM-18) and the concurrency a request rate needs.
import { lambda } from '../../sim/index.js';
import { formatNumber } from '../placeholders.js';
import { pick, units, defineFamily } from './build.js';

const PRICING_DOC = 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html';
const CONCURRENCY_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html';

const dollars = (value: number): string => `$${value.toFixed(2)}`;

function monthlyCost(requests: number, memoryMb: number, durationMs: number, durationRounding: (ms: number) => number, applyFreeTier: boolean): number {
  const gbSeconds = requests * lambda.gbSecondsOf(memoryMb, durationRounding(durationMs));
  return lambda.computeCost({ requests, gbSeconds, applyFreeTier }).totalUsd;
}

export const lambdaCostFamily = defineFamily({
  id: 'lambda-cost',
  topic: 'lambda-pricing',
  title: 'Monthly Lambda cost for memory, duration and requests',
  service: 'lambda',
  exams: { 'DVA-C02': 'troubleshooting', 'SAA-C03': 'cost' },
  difficulty: 'hard',
  references: [PRICING_DOC],
  facts: ['LAM-18'],
  build(stream, seed) {
    const memoryMb = pick(stream, [256, 512, 1_024, 1_536, 2_048, 3_008]);
    const durationMs = pick(stream, [120, 250, 380, 640, 1_000, 1_450]);
    const millions = pick(stream, [5, 8, 12, 20, 30, 50]);
    const requests = millions * 1_000_000;
    const answer = monthlyCost(requests, memoryMb, durationMs, lambda.billedDurationMs, true);
    const old100Ms = monthlyCost(requests, memoryMb, durationMs, (ms) => Math.ceil(ms / 100) * 100, true);
    const noFreeTier = monthlyCost(requests, memoryMb, durationMs, lambda.billedDurationMs, false);
    const durationOnly = lambda.computeCost({ requests: 0, gbSeconds: requests * lambda.gbSecondsOf(memoryMb, durationMs), applyFreeTier: true }).totalUsd;
    return {
      stem: `A company runs an x86 Lambda function in us-east-1 with ${formatNumber(memoryMb)} MB of memory. Each invocation runs for ${formatNumber(durationMs)} ms, and the function is invoked ${millions} million times a month. The account's monthly free tier is unused otherwise. What is the monthly Lambda compute and request cost?`,
      right: { text: dollars(answer), why: `${millions} M × ${memoryMb / 1_024} GB × ${durationMs / 1_000} s GB-seconds minus the free 400,000 GB-s, at $0.0000166667 each, plus (${millions} M − 1 M free) × $0.20 per million.` },
      wrong: [
        { text: dollars(noFreeTier), why: 'This ignores the monthly free tier of 1 M requests and 400,000 GB-s.' },
        { text: dollars(old100Ms), why: 'This rounds each duration up to 100 ms, the rule before December 2020; duration is now billed per 1 ms.' },
        { text: dollars(durationOnly), why: 'This leaves out the request charge of $0.20 per million requests.' },
        { text: dollars(answer * 2 + 1), why: 'There is no separate charge per invocation beyond requests and GB-seconds.' },
      ],
      explanation: 'Lambda bills requests ($0.20 per million) and duration in GB-seconds (memory in GB × billed seconds, rounded up to 1 ms); the free tier covers 1 M requests and 400,000 GB-s a month.',
      simulatorAnswer: answer,
    };
  },
});

/**
 * Concurrency = requests per second × average duration in seconds (the rule the Lambda guide states).
 * The event-driven simulator reaches the same number of busy environments in steady state, plus the
 * extra environments its cold starts add; the formula is the exam's answer.
 */
export function concurrencyNeeded(requestsPerSecond: number, durationMs: number): number {
  return Math.ceil((requestsPerSecond * durationMs) / 1_000);
}

export const concurrencyFamily = defineFamily({
  id: 'lambda-concurrency-needed',
  topic: 'lambda-concurrency',
  title: 'Concurrency needed for a request rate and a duration',
  service: 'lambda',
  exams: { 'DVA-C02': 'troubleshooting', 'SAA-C03': 'performant' },
  difficulty: 'easy',
  references: [CONCURRENCY_DOC],
  facts: ['LAM-10', 'LAM-12'],
  build(stream, seed) {
    const rate = pick(stream, [50, 100, 200, 400, 750, 1_000, 2_500]);
    const durationMs = pick(stream, [100, 200, 250, 500, 800, 1_500, 3_000]);
    const answer = concurrencyNeeded(rate, durationMs);
    const limit = lambda.ACCOUNT_CONCURRENCY_DEFAULT;
    const fits = answer <= limit - lambda.UNRESERVED_CONCURRENCY_MIN ? 'fits' : answer <= limit ? 'fits only without reservations' : 'needs a quota increase';
    return {
      stem: `An API backed by one Lambda function receives a steady ${formatNumber(rate)} requests per second, and each invocation takes ${formatNumber(durationMs)} ms. How many concurrent executions does the function need in steady state?`,
      right: { text: units(answer, 'concurrent executions'), why: `${formatNumber(rate)} requests/s × ${durationMs / 1_000} s per request = ${formatNumber(answer)} in flight at any moment (${fits} under the default ${formatNumber(limit)}).` },
      wrong: [
        { text: units(rate, 'concurrent executions'), why: 'This assumes each request takes exactly one second.' },
        { text: units(Math.max(1, Math.ceil(rate / (durationMs / 1_000))), 'concurrent executions'), why: 'This divides by the duration instead of multiplying.' },
        { text: units(limit, 'concurrent executions'), why: 'The account default is a quota, not what the workload needs.' },
        { text: units(answer * 10, 'concurrent executions'), why: 'Ten times the concurrency is the request-rate quota rule, not the concurrency needed.' },
        { text: units(answer * 2, 'concurrent executions'), why: 'Each request holds one execution environment for its duration, not two.' },
        { text: units(Math.max(1, Math.round(answer / 2)), 'concurrent executions'), why: 'Requests do not share an environment while they run: each one in flight needs its own.' },
      ],
      explanation: `Concurrency is the number of requests in flight: requests per second times the average duration in seconds. The default account quota is ${formatNumber(limit)} per Region.`,
      simulatorAnswer: answer,
    };
  },
});
