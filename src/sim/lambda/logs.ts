// The log tail `aws lambda invoke --log-type Tail` returns (base64 in LogResult): START, a timeout line
// when the run timed out, END and the REPORT line with Duration, Billed Duration, Memory Size and, after
// a cold start, Init Duration. The simulator does not model memory use, so REPORT has no
// "Max Memory Used" field.
import { lambdaTimestamp } from './config.js';
import type { Execution } from './execute.js';

export function formatLogTail(run: Execution): string {
  const lines = [`START RequestId: ${run.requestId} Version: ${run.version}`];
  if (run.outcome === 'timeout') {
    const endedAt = lambdaTimestamp(run.startedAtMs + run.initMs + run.durationMs).replace('+0000', 'Z');
    lines.push(`${endedAt} ${run.requestId} Task timed out after ${run.timeoutSeconds.toFixed(2)} seconds`);
  }
  lines.push(`END RequestId: ${run.requestId}`);
  const init = run.initMs > 0 ? `\tInit Duration: ${run.initMs.toFixed(2)} ms` : '';
  lines.push(
    `REPORT RequestId: ${run.requestId}\tDuration: ${run.durationMs.toFixed(2)} ms\tBilled Duration: ${run.billedDurationMs} ms\tMemory Size: ${run.memorySizeMb} MB${init}\t`,
  );
  return `${lines.join('\n')}\n`;
}

/** LogResult: the log tail in base64, as the Invoke API returns it (the text is ASCII). */
export function encodeLogResult(logTail: string): string {
  return btoa(logTail);
}
