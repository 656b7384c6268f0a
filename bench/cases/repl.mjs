// Sandbox REPL: keystroke-to-frame latency, from writing one key to the pty until the prompt row shows
// it, with an empty log and with about 1,000 log lines (the `sim help` overview run until the log holds
// that many). Figures only: nothing passes or fails on time.
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAUNCHER, median } from '../lib.mjs';

const KEYS_PER_RUN = 40;

/** ink draws before it switches raw mode on; keys sent before that would be echoed (see test/helpers/pty.ts). */
async function waitForRawMode(child) {
  for (let tries = 0; tries < 1_000; tries++) {
    try {
      if (/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', child.ptsName, '-a'], { encoding: 'utf8' }))) return;
    } catch {
      // Not readable yet: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('bench repl: the REPL never switched the terminal to raw mode');
}

function startRepl(home) {
  const term = new xterm.Terminal({ cols: 120, rows: 40, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [LAUNCHER, 'repl'], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env: { ...process.env, CI: 'false', TERM: 'xterm-256color', TRAINER_HOME: home },
  });
  const waiters = new Set();
  const screen = () => {
    const buffer = term.buffer.active;
    const lines = [];
    for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  child.onData((data) => term.write(data, () => waiters.forEach((check) => check())));
  const waitFor = (isDone, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench repl: timed out\n${screen()}`)), timeoutMs);
      const check = () => {
        if (!isDone(screen())) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { child, screen, waitFor };
}

/** Milliseconds from each key to the frame showing it, typed one at a time into the prompt. */
async function keyLatencies(repl) {
  const times = [];
  let typed = '';
  for (let i = 0; i < KEYS_PER_RUN; i++) {
    const char = String.fromCharCode(97 + (i % 26));
    typed += char;
    const started = performance.now();
    repl.child.write(char);
    await repl.waitFor((text) => text.includes(`sandbox› ${typed}`));
    times.push(performance.now() - started);
  }
  return times;
}

async function measure(logLines) {
  const home = mkdtempSync(path.join(tmpdir(), 'trainer-bench-repl-'));
  const repl = startRepl(home);
  try {
    await repl.waitFor((text) => text.includes('sandbox›'));
    await waitForRawMode(repl.child);
    // Each `sim help` adds about 80 rows; run it until the log holds the wanted number of lines.
    for (let runs = 0; runs * 80 < logLines; runs++) {
      repl.child.write('sim help\r');
      await repl.waitFor((text) => text.includes('sandbox›') && !text.includes('sandbox› sim help'));
    }
    await new Promise((resolve) => setImmediate(resolve));
    return await keyLatencies(repl);
  } finally {
    repl.child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
}

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;

export default async function repl({ runs }) {
  const rows = [];
  for (const logLines of [0, 1_000]) {
    const all = [];
    for (let run = 0; run < Math.max(1, Math.ceil(runs / 4)); run++) all.push(...(await measure(logLines)));
    rows.push({ case: `keystroke → frame, ~${logLines} log lines`, keys: all.length, 'median ms': median(all).toFixed(1), 'p95 ms': p95(all).toFixed(1) });
  }
  return rows;
}
