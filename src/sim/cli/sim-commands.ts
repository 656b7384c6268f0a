// The sandbox's core `sim` rows: the clock, the seed, reset, the trace and the Region. Services add
// their own rows (`sim show table`, `sim dax ...`) in services.ts; `sim load` lives in sim-load.ts.
import { advanceSandbox } from './load-engine.js';
import type { LoadSecond } from './load-state.js';
import { COMMERCIAL_REGIONS } from './regions.js';
import type { SandboxSession, SimCommandSpec, SimOutput } from './sim-command-spec.js';
import { formatDurationMs, formatTime, renderLoadTable } from './sim-text.js';
import { ok, type Result } from '../result.js';
import type { TraceEvent } from '../trace.js';
import { createWorld } from '../world.js';

/** How many trace entries `sim trace` shows without --last. */
export const DEFAULT_TRACE_ENTRIES = 20;

function clockOutput(session: SandboxSession): Record<string, unknown> {
  return { timeMs: session.world.nowMs, time: formatTime(session.world.nowMs) };
}

function showClock(session: SandboxSession): Result<SimOutput> {
  return ok({ json: clockOutput(session), text: `${formatTime(session.world.nowMs)} (virtual time)\n` });
}

function advanceClock(session: SandboxSession, durationMs: number): Result<SimOutput> {
  return describeClockAdvance(session, durationMs, advanceSandbox(session, session.world.nowMs + durationMs));
}

/** Records a finished `sim clock advance` and answers it, with the background-load seconds that closed on the way. */
export function describeClockAdvance(session: SandboxSession, durationMs: number, loadSeconds: readonly LoadSecond[]): Result<SimOutput> {
  session.world.record({ service: 'sim', operation: 'clock-advanced', outcome: 'ok', detail: { durationMs } });
  const table = renderLoadTable(loadSeconds);
  const text = `Clock advanced by ${formatDurationMs(durationMs)} to ${formatTime(session.world.nowMs)}.\n${table === '' ? '' : `Background load seconds:\n${table}`}`;
  return ok({ json: { ...clockOutput(session), advancedMs: durationMs, loadSeconds }, text });
}

/** Replaces the world with a fresh one; what `sim seed` and `sim reset` share. */
function recreateWorld(session: SandboxSession, seed: number, verb: string): Result<SimOutput> {
  const previousRegion = session.world.region;
  session.world = createWorld({ seed });
  const text =
    `${verb} with seed ${seed}: a new, empty world (no resources, no loads, empty trace); ` +
    `the clock is back at ${formatTime(session.world.nowMs)} and the Region is ${session.world.region}` +
    `${previousRegion === session.world.region ? '' : ` (was ${previousRegion})`}.\n`;
  return ok({ json: { seed, ...clockOutput(session), region: session.world.region, isNewWorld: true }, text });
}

function describeEvent(event: TraceEvent): string {
  const detail = Object.keys(event.detail).length === 0 ? '' : `  ${JSON.stringify(event.detail)}`;
  return `#${event.seq}  ${formatTime(event.timeMs)}  ${event.region}  ${event.service} ${event.operation}  ${event.outcome}${detail}`;
}

function showTrace(session: SandboxSession, count: number): Result<SimOutput> {
  const events = session.world.trace.last(count);
  const total = session.world.trace.length;
  const head = `Trace: the last ${events.length} of ${total} entries.\n`;
  return ok({ json: { total, events }, text: head + events.map((e) => `${describeEvent(e)}\n`).join('') });
}

function useRegion(session: SandboxSession, region: string): Result<SimOutput> {
  const previous = session.world.region;
  session.world.region = region;
  session.world.record({ service: 'sim', operation: 'region-changed', outcome: 'ok', detail: { from: previous, to: region } });
  return ok({ json: { region, previousRegion: previous }, text: `Commands now run in ${region} (was ${previous}).\n` });
}

export const CORE_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['clock'],
    args: [],
    flags: [],
    summary: 'Shows the virtual time.',
    example: 'sim clock',
    output: '`{timeMs, time}`: virtual epoch milliseconds and the same instant in ISO 8601.',
    run: (session) => showClock(session),
  },
  {
    words: ['clock', 'advance'],
    args: [{ name: 'DURATION', type: 'duration', required: true, description: 'How far to move the clock: 500ms, 90s, 1h30m, 2d.' }],
    flags: [],
    summary: 'Moves virtual time forward, running timers and background loads on the way.',
    example: 'sim clock advance 90s',
    output: '`{timeMs, time, advancedMs, loadSeconds}`; `loadSeconds` lists the background-load seconds that closed on the way (see `sim load`).',
    run: (session, input) => advanceClock(session, input.args['DURATION'] as number),
  },
  {
    words: ['seed'],
    args: [{ name: 'N', type: 'integer', required: true, description: 'The seed for every random choice in the new world.' }],
    flags: [],
    summary: 'Recreates the world (empty, clock at the start) with seed N.',
    example: 'sim seed 42',
    output: '`{seed, timeMs, time, region, isNewWorld: true}`.',
    run: (session, input) => recreateWorld(session, input.args['N'] as number, 'World recreated'),
  },
  {
    words: ['reset'],
    args: [],
    flags: [],
    summary: 'Recreates the world with its current seed: no resources, no loads, empty trace.',
    example: 'sim reset',
    output: '`{seed, timeMs, time, region, isNewWorld: true}`.',
    run: (session) => recreateWorld(session, session.world.rng.seed, 'World reset'),
  },
  {
    words: ['trace'],
    args: [],
    flags: [{ flag: '--last', type: 'integer', required: false, description: `How many of the latest entries to show (default ${DEFAULT_TRACE_ENTRIES}).` }],
    summary: 'Shows the latest trace entries: what happened, when, where, and with what outcome.',
    example: 'sim trace --last 5',
    output: '`{total, events}`: the trace length and the entries shown, each `{seq, timeMs, service, operation, outcome, region, detail}`.',
    run: (session, input) => showTrace(session, (input.flags['last'] as number | undefined) ?? DEFAULT_TRACE_ENTRIES),
  },
  {
    words: ['region'],
    args: [],
    flags: [],
    summary: 'Shows the Region commands run in.',
    example: 'sim region',
    output: '`{region}`.',
    run: (session) => ok({ json: { region: session.world.region }, text: `${session.world.region}\n` }),
  },
  {
    words: ['region', 'use'],
    args: [{ name: 'REGION', type: 'region', required: true, description: `A commercial Region name, e.g. eu-west-1 (${COMMERCIAL_REGIONS.length} known).` }],
    flags: [],
    summary: 'Makes later commands run in another Region (global tables: each Region has its replica).',
    example: 'sim region use eu-west-1',
    output: '`{region, previousRegion}`.',
    run: (session, input) => useRegion(session, input.args['REGION'] as string),
  },
];
