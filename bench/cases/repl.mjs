// Sandbox REPL in a pseudo-terminal. Keystroke-to-frame latency, from writing one key until the prompt
// row shows it, with an empty log and with about 1,000 log lines (the `sim help` overview run until the
// log holds that many); while a `sim load` animates: screen updates per wall second and keystroke
// latency; peak memory (VmHWM) after the 1,000-line case and at the end of the load. Figures only:
// nothing passes or fails on time or size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAUNCHER, median } from '../lib.mjs';
import { cpuMs, peakRssMiB, startPty } from '../pty.mjs';

const KEYS_PER_RUN = 40;
/** At most this many keys are typed, one after another, while the load runs. */
const MAX_KEYS_DURING_LOAD = 200;
/** The memory target for the REPL. */
const TARGET_PEAK_MIB = 150;
const CREATE = 'aws dynamodb create-table --table-name Bench --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST';
/**
 * Virtual seconds of the load: 600 by default. An idle machine runs that in a tenth of a second, too short
 * to count frames; `BENCH_REPL_LOAD_SECONDS=7200` gives a load of about 1.5 s wall (and ~300 MiB peak).
 */
const LOAD_SECONDS = Number(process.env.BENCH_REPL_LOAD_SECONDS ?? 600);
const LOAD = `sim load --rate 100/s --for ${LOAD_SECONDS}s -- aws dynamodb put-item --table-name Bench --item '{"id":{"S":"b{{n}}"}}'`;
const IS_LOADING = 'Ctrl+C stops it';

/** Runs `body(repl)` against `trainer repl` in a fresh progress folder, then ends it. */
async function withRepl(body, onFrame) {
  const home = mkdtempSync(path.join(tmpdir(), 'trainer-bench-repl-'));
  const repl = startPty([LAUNCHER, 'repl'], { cols: 120, rows: 40, env: { TRAINER_HOME: home }, onFrame });
  try {
    await repl.waitFor((text) => text.includes('sandbox›'));
    await repl.waitForRawMode();
    return await body(repl);
  } finally {
    await repl.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Milliseconds from each key to the frame showing it at the prompt, typed one at a time, `count` keys
 * or until `isStillMeasured(screen)` turns false (a key shown after that is not counted).
 */
async function keyLatencies(repl, count, isStillMeasured = () => true) {
  const times = [];
  let typed = '';
  for (let i = 0; i < count; i++) {
    typed += String.fromCharCode(97 + (i % 26));
    const started = performance.now();
    repl.child.write(typed.slice(-1));
    const shownAt = await repl.waitFor((text) => text.includes(`sandbox› ${typed}`));
    if (!isStillMeasured(repl.screen())) break;
    times.push(shownAt - started);
  }
  return times;
}

/** Keystroke latencies with about `logLines` lines in the log, and the peak memory after them. */
function measureLog(logLines) {
  return withRepl(async (repl) => {
    // Each `sim help` adds about 80 rows; run it until the log holds the wanted number of lines.
    for (let runs = 0; runs * 80 < logLines; runs++) {
      repl.child.write('sim help\r');
      await repl.waitFor((text) => text.includes('sandbox›') && !text.includes('sandbox› sim help'));
    }
    const times = await keyLatencies(repl, KEYS_PER_RUN);
    return { times, peakMiB: peakRssMiB(repl.child.pid) };
  });
}

/** Screen updates per wall second while the load animates, keystroke latencies during it, peak memory at its end. */
function measureLoad() {
  let frames = 0;
  let last = '';
  let isCounting = false;
  const countFrame = (screen) => {
    if (!isCounting) return;
    const text = screen();
    if (text !== last) frames++;
    last = text;
  };
  return withRepl(async (repl) => {
    repl.child.write(`${CREATE}\r`);
    await repl.waitFor((text) => text.includes('table/Bench'));
    repl.child.write(`${LOAD}\r`);
    const startedAt = await repl.waitFor((text) => text.includes(IS_LOADING));
    isCounting = true;
    const cpuStartedMs = cpuMs(repl.child.pid);
    const times = await keyLatencies(repl, MAX_KEYS_DURING_LOAD, (text) => text.includes(IS_LOADING));
    const endedAt = await repl.waitFor((text) => !text.includes(IS_LOADING), 600_000);
    isCounting = false;
    const seconds = (endedAt - startedAt) / 1000;
    const cpuShare = (cpuMs(repl.child.pid) - cpuStartedMs) / (endedAt - startedAt);
    return { fps: frames / seconds, seconds, cpuShare, times, peakMiB: peakRssMiB(repl.child.pid) };
  }, countFrame);
}

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;
const memory = (peaks) => `${median(peaks).toFixed(0)} (target < ${TARGET_PEAK_MIB})`;

export default async function repl({ runs }) {
  const rows = [];
  const repeats = Math.max(1, Math.ceil(runs / 4));
  for (const logLines of [0, 1_000]) {
    const all = [];
    const peaks = [];
    for (let run = 0; run < repeats; run++) {
      const { times, peakMiB } = await measureLog(logLines);
      all.push(...times);
      peaks.push(peakMiB);
    }
    rows.push({ case: `keystroke → frame, ~${logLines} log lines`, keys: all.length, 'median ms': median(all).toFixed(1), 'p95 ms': p95(all).toFixed(1), 'frames/s': '–', 'peak MiB': memory(peaks) });
  }
  const loads = [];
  for (let run = 0; run < repeats; run++) loads.push(await measureLoad());
  const times = loads.flatMap((load) => load.times);
  rows.push({
    case: `during sim load 100/s for ${LOAD_SECONDS}s (${median(loads.map((load) => load.seconds)).toFixed(1)} s wall, CPU ${(median(loads.map((load) => load.cpuShare)) * 100).toFixed(0)}%): keystroke → frame, screen updates`,
    keys: times.length,
    'median ms': median(times).toFixed(1),
    'p95 ms': p95(times).toFixed(1),
    'frames/s': median(loads.map((load) => load.fps)).toFixed(1),
    'peak MiB': memory(loads.map((load) => load.peakMiB)),
  });
  return rows;
}
