// Proves that long lines run in slices (the REPL's way of staying responsive) answer exactly what
// runSandboxLine answers, trace included, whatever the slice sizes; that other lines run at once;
// and that stopping a job leaves the world where it got to, with a stopped load removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, startSandboxLine, type LineReport, type SandboxSession } from '../../../src/sim/index.js';

const SETUP = [
  'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5',
  `sim load --rate 3/s --for 1h --background -- aws dynamodb get-item --table-name Orders --key '{"id":{"S":"a"}}'`,
];
const LONG_LINES = [`sim load --rate 20/s --for 30s --retries 2 -- aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o{{n}}"}}'`, 'sim clock advance 45s'];

function sandbox(): SandboxSession {
  const session = createSandbox({ seed: 7 });
  for (const line of SETUP) expect(runSandboxLine(session, line).ok).toBe(true);
  return session;
}

function runInSlices(session: SandboxSession, line: string, slicesMs: readonly number[]): LineReport {
  const start = startSandboxLine(session, line);
  if (start.kind === 'done') return start.report;
  for (let i = 0; i < 100_000; i++) {
    const report = start.job.step(slicesMs[i % slicesMs.length]!);
    if (report !== undefined) return report;
  }
  throw new Error('the job did not finish');
}

describe('startSandboxLine', () => {
  it('answers what runSandboxLine answers, trace included, for any slice sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 5 }), (slicesMs) => {
        const whole = sandbox();
        const sliced = sandbox();
        for (const line of LONG_LINES) {
          expect(runInSlices(sliced, line, slicesMs)).toEqual(runSandboxLine(whole, line));
        }
        expect(sliced.world.trace.last(10_000)).toEqual(whole.world.trace.last(10_000));
      }),
      { numRuns: 8 },
    );
  });

  it('runs every other line at once', () => {
    expect(startSandboxLine(sandbox(), 'sim clock')).toMatchObject({ kind: 'done', report: { ok: true, text: '2026-01-01T00:00:00.000Z (virtual time)\n' } });
    expect(startSandboxLine(sandbox(), `sim load --rate 1/s --for 5s --background -- aws dynamodb list-tables`).kind).toBe('done');
  });

  it('reports its progress from 0 to 1', () => {
    const start = startSandboxLine(sandbox(), 'sim clock advance 10s');
    if (start.kind !== 'job') throw new Error('expected a job');
    expect(start.job.fraction()).toBe(0);
    start.job.step(2_500);
    expect(start.job.fraction()).toBe(0.25);
  });

  it('stops a clock advance where it got to', () => {
    const session = sandbox();
    const start = startSandboxLine(session, 'sim clock advance 1h');
    if (start.kind !== 'job') throw new Error('expected a job');
    start.job.step(90_000);
    const report = start.job.stop();
    expect(report.ok).toBe(false);
    expect(report.text).toMatchInlineSnapshot(`
      "sim: error: sim clock advance: (Interrupted) stopped by the learner after 1m30s of 1h; the clock is at 2026-01-01T00:01:30.000Z
      "
    `);
    expect(session.world.trace.last(1)[0]).toMatchObject({ service: 'sim', operation: 'line-stopped', outcome: 'stopped' });
  });

  it('stops a foreground load and removes it, so later time moves send nothing more for it', () => {
    const session = sandbox();
    const start = startSandboxLine(session, LONG_LINES[0]!);
    if (start.kind !== 'job') throw new Error('expected a job');
    start.job.step(5_000);
    expect(start.job.stop().text).toMatchInlineSnapshot(`
      "sim: error: sim load: (Interrupted) stopped by the learner: load 2: 600 requests at 20/s for 30s sent 101 of 600 requests; the clock is at 2026-01-01T00:00:05.000Z
      "
    `);
    const advanced = runSandboxLine(session, 'sim clock advance 10s');
    expect(advanced.output?.['loadSeconds']).toEqual(expect.not.arrayContaining([expect.objectContaining({ loadId: 2 })]));
  });
});
