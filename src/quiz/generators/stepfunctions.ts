// Generated Step Functions retry questions: a Task whose Lambda function always fails, a retrier with a
// seeded IntervalSeconds, BackoffRate, MaxAttempts and sometimes MaxDelaySeconds; how long Step
// Functions waits before retry k is read from the execution history the simulator records (SVC-11).
import { stepfunctions } from '../../sim/index.js';
import { formatNumber } from '../placeholders.js';
import { defineFamily, pick, type Option } from './build.js';
import { sandboxRunner } from './sandbox-run.js';

const ERRORS_DOC = 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html';

export interface RetryCase {
  readonly intervalSeconds: number;
  readonly backoffRate: number;
  readonly maxAttempts: number;
  readonly maxDelaySeconds?: number;
}

const seconds = (ms: number): string => `${formatNumber(ms / 1_000)} s`;

/** Runs the retrier against a function that always fails; answers the waits (ms) from each failure to the next call. */
export function retryWaitsMs(retry: RetryCase, seed: number): number[] {
  const run = sandboxRunner(seed);
  const retrier = { ErrorEquals: ['States.ALL'], IntervalSeconds: retry.intervalSeconds, BackoffRate: retry.backoffRate, MaxAttempts: retry.maxAttempts, ...(retry.maxDelaySeconds === undefined ? {} : { MaxDelaySeconds: retry.maxDelaySeconds }) };
  const definition = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', Retry: [retrier], End: true } } };
  run('aws lambda create-function --function-name charge --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.throw');
  run(`aws stepfunctions create-state-machine --name Pay --role-arn arn:aws:iam::123456789012:role/sfn --definition '${JSON.stringify(definition)}'`);
  run('aws stepfunctions start-execution --state-machine-arn arn:aws:states:us-east-1:123456789012:stateMachine:Pay --name pay-1');
  run('sim clock advance 1h');
  const history = run('aws stepfunctions get-execution-history --execution-arn arn:aws:states:us-east-1:123456789012:execution:Pay:pay-1');
  const events = history.output?.['events'] as readonly { readonly type: string; readonly timestamp: string }[];
  const waits: number[] = [];
  let failedAtMs = 0;
  for (const event of events) {
    if (event.type === 'LambdaFunctionFailed') failedAtMs = Date.parse(event.timestamp);
    if (event.type === 'LambdaFunctionStarted' && failedAtMs > 0) waits.push(Date.parse(event.timestamp) - failedAtMs);
  }
  return waits;
}

function wrongWaits(retry: RetryCase, k: number, rightMs: number, totalMs: number): Option[] {
  const interval = retry.intervalSeconds * 1_000;
  const uncapped = stepfunctions.retryDelayMs({ IntervalSeconds: retry.intervalSeconds, BackoffRate: retry.backoffRate }, k - 1);
  const candidates: readonly [number, string][] = [
    [uncapped, 'MaxDelaySeconds caps every wait: no retry waits longer than it.'],
    [Math.round(interval * retry.backoffRate ** k), 'The first retry waits IntervalSeconds itself: the exponent counts retries already made, so retry k uses BackoffRate^(k − 1).'],
    [interval * k, 'BackoffRate multiplies the wait after each retry; it does not add IntervalSeconds each time.'],
    [interval, 'With a BackoffRate above 1 the wait grows after each retry.'],
    [Math.round(interval * retry.backoffRate ** (k - 2)), 'That is the wait before the previous retry.'],
    [totalMs, 'That is the time since the first failure (all the waits so far, without the run times), not the wait before this retry.'],
    [rightMs * 2, 'The wait grows by BackoffRate per retry, starting from IntervalSeconds; work it through from retry 1.'],
  ];
  const seen = new Set([rightMs]);
  return candidates.filter(([ms]) => ms > 0 && !seen.has(ms) && (seen.add(ms), true)).map(([ms, why]) => ({ text: seconds(ms), why }));
}

export const retryTimingFamily = defineFamily({
  id: 'stepfunctions-retry-wait',
  topic: 'step-functions',
  title: 'How long Step Functions waits before a retry',
  service: 'stepfunctions',
  exams: { 'DVA-C02': 'development', 'SAA-C03': 'resilient' },
  difficulty: 'medium',
  references: [ERRORS_DOC],
  facts: ['SVC-11'],
  build(stream, seed) {
    const retry: RetryCase = {
      intervalSeconds: pick(stream, [1, 2, 3, 5]),
      backoffRate: pick(stream, [1.5, 2, 3]),
      maxAttempts: pick(stream, [3, 4, 5]),
      ...(pick(stream, [true, false]) ? { maxDelaySeconds: pick(stream, [10, 20]) } : {}),
    };
    const k = 2 + stream.nextInt(retry.maxAttempts - 1);
    const waits = retryWaitsMs(retry, seed);
    const waitMs = waits[k - 1]!;
    const cap = retry.maxDelaySeconds === undefined ? '' : `, "MaxDelaySeconds": ${retry.maxDelaySeconds}`;
    return {
      stem: `A Task state calls a Lambda function that fails every time. Its Retry rule is {"ErrorEquals": ["States.ALL"], "IntervalSeconds": ${retry.intervalSeconds}, "BackoffRate": ${retry.backoffRate}, "MaxAttempts": ${retry.maxAttempts}${cap}}. How long after the failure that precedes it does retry number ${k} start?`,
      right: { text: seconds(waitMs), why: `Retry ${k} waits IntervalSeconds × BackoffRate^${k - 1}${cap === '' ? '' : ', capped by MaxDelaySeconds'}.` },
      wrong: wrongWaits(retry, k, waitMs, waits.slice(0, k).reduce((sum, ms) => sum + ms, 0)),
      explanation: `Before retry n Step Functions waits IntervalSeconds × BackoffRate^(n − 1): ${retry.intervalSeconds} s, then ×${retry.backoffRate} each time${cap === '' ? '' : `, never more than MaxDelaySeconds (${retry.maxDelaySeconds} s)`}. For retry ${k} that is ${seconds(waitMs)}, counted from the failure before it. After ${retry.maxAttempts} retries the error goes to Catch, or fails the execution.`,
      simulatorAnswer: waitMs,
    };
  },
});
