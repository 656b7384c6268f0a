// `sim load --rate 20/s --for 60s [--background] [--retries N] -- aws ...`: generates traffic in virtual
// time and answers one entry per virtual second. Without --background the command runs the load to its
// end (other background loads keep running alongside); with it, the load runs whenever time moves.
import { advanceSandbox } from './load-engine.js';
import { addLoad, loadEndMs, secondEndMs, simSlot, type LoadSecond, type LoadState } from './load-state.js';
import { compileTemplate } from './load-template.js';
import { MAX_RETRIES } from './retry-delay.js';
import type { SandboxSession, SimCommandSpec, SimInput, SimOutput } from './sim-command-spec.js';
import { formatDurationMs, formatTime, renderLoadTable, totalsOf } from './sim-text.js';
import { ok, type Result } from '../result.js';

/** A load's whole run is bounded: at most a week of virtual time per `sim load` line. */
export const MAX_LOAD_DURATION_MS = 7 * 86_400_000;
/** ...and at most this many requests (about 3 minutes of wall time at the engine's measured speed). */
export const MAX_LOAD_REQUESTS = 50_000_000;

function validateLoad(input: SimInput): string | undefined {
  const durationMs = input.flags['for'] as number;
  if (durationMs <= 0 || durationMs > MAX_LOAD_DURATION_MS) return `argument --for: must be more than 0 and at most ${formatDurationMs(MAX_LOAD_DURATION_MS)}`;
  const requests = Math.ceil(((input.flags['rate'] as number) * durationMs) / 1000);
  if (requests > MAX_LOAD_REQUESTS) return `a load may send at most ${MAX_LOAD_REQUESTS.toLocaleString('en')} requests; this one would send ${requests.toLocaleString('en')}`;
  if (((input.flags['retries'] as number | undefined) ?? 0) > MAX_RETRIES) return `argument --retries: at most ${MAX_RETRIES}`;
  if (input.command === undefined) return 'sim load needs -- followed by an aws command';
  const compiled = compileTemplate(input.command.request);
  return compiled.ok ? undefined : compiled.message;
}

/** Retries can outlive the last request: keeps going a second at a time until the load is done. */
export function drainForegroundLoad(session: SandboxSession, loadId: number): LoadSecond[] {
  const rows: LoadSecond[] = [];
  // Bounded by the retry count: each retry waits at most 20 s.
  for (let guard = 0; guard < 10_000; guard++) {
    const load = simSlot(session.world).loads.find((l) => l.id === loadId);
    if (load === undefined) break;
    rows.push(...advanceSandbox(session, secondEndMs(load)));
  }
  return rows;
}

/** A load that was started: its plan, and how it is described (`load 1: 1200 requests at 20/s for 1m`). */
export interface StartedLoad {
  readonly load: LoadState;
  readonly plan: { readonly loadId: number; readonly ratePerSecond: number; readonly durationMs: number; readonly requests: number; readonly startMs: number; readonly endsAtMs: number };
  readonly what: string;
  readonly isBackground: boolean;
}

/** Adds the load to the world and records that it started; the clock does not move. */
export function startLoad(session: SandboxSession, input: SimInput): StartedLoad {
  const ratePerSecond = input.flags['rate'] as number;
  const durationMs = input.flags['for'] as number;
  const isBackground = input.flags['background'] === true;
  const load = addLoad(session.world, {
    commandText: input.commandText ?? '',
    ratePerSecond,
    durationMs,
    retries: (input.flags['retries'] as number | undefined) ?? input.command?.globals.retries ?? 0,
    isBackground,
  });
  const plan = { loadId: load.id, ratePerSecond, durationMs, requests: load.totalRequests, startMs: load.startMs, endsAtMs: loadEndMs(load) };
  session.world.record({ service: 'sim', operation: 'load-started', outcome: 'ok', detail: { ...plan, command: load.commandText, isBackground } });
  const what = `load ${load.id}: ${load.totalRequests} requests at ${ratePerSecond}/s for ${formatDurationMs(durationMs)}`;
  return { load, plan, what, isBackground };
}

/** What a foreground load answers once it is done, from the seconds that closed while it ran. */
export function describeForegroundLoad(started: StartedLoad, rows: readonly LoadSecond[]): Result<SimOutput> {
  const { plan, what } = started;
  const seconds = rows.filter((row) => row.loadId === plan.loadId);
  const background = rows.filter((row) => row.loadId !== plan.loadId);
  const totals = totalsOf(seconds);
  const summary = `Ran ${what}: ${totals.succeeded} succeeded, ${totals.throttled} throttled, ${totals.failed} failed.\n`;
  return ok({ json: { ...plan, isBackground: false, totals, seconds, backgroundSeconds: background }, text: renderLoadTable([...seconds, ...background]) + summary });
}

function runLoad(session: SandboxSession, input: SimInput): Result<SimOutput> {
  const started = startLoad(session, input);
  if (started.isBackground) {
    const text = `Started background ${started.what}; it runs whenever virtual time moves (until ${formatTime(started.plan.endsAtMs)}).\n`;
    return ok({ json: { ...started.plan, isBackground: true, seconds: [] }, text });
  }
  const rows = [...advanceSandbox(session, started.plan.endsAtMs), ...drainForegroundLoad(session, started.plan.loadId)];
  return describeForegroundLoad(started, rows);
}

export const SIM_LOAD_COMMAND: SimCommandSpec = {
  words: ['load'],
  args: [],
  flags: [
    { flag: '--rate', type: 'rate', required: true, description: 'Requests per unit of virtual time: 20/s, 600/m, 3600/h; spread evenly over each second.' },
    { flag: '--for', type: 'duration', required: true, description: 'How long the load sends requests: 60s, 1h (at most 7d).' },
    { flag: '--background', type: 'boolean', required: false, description: 'Start the load and return; it runs whenever time moves (sim clock advance, other loads).' },
    { flag: '--retries', type: 'integer', required: false, description: 'Retry throttled requests up to N times with SDK-like backoff in virtual time (default: --retries on the aws command, else 0).' },
  ],
  takesCommand: true,
  summary: 'Sends an aws command repeatedly in virtual time and reports each second: requests, succeeded, throttled, consumed capacity, gauges. In the command, {{n}} is the request number (from 1) and {{rand N}} a seeded number below N.',
  example: "sim load --rate 20/s --for 60s -- aws dynamodb put-item --table-name Orders --item '{\"id\":{\"S\":\"o{{n}}\"}}'",
  output:
    '`{loadId, ratePerSecond, durationMs, requests, startMs, endsAtMs, isBackground, seconds, totals, backgroundSeconds}`; ' +
    'each second is `{loadId, second, timeMs, requests, succeeded, throttled, failed, retried, consumedCapacityUnits, resources, gauges}` ' +
    'with `resources` per table and `gauges` from the service (e.g. burst credit). With --background, `seconds` is empty: the seconds ' +
    'appear in the output of the command that moves time, and in the trace as `load-second` entries.',
  validate: validateLoad,
  run: runLoad,
};
