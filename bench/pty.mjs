// A program in a pseudo-terminal for the bench: the screen as xterm shows it, waits for text, raw mode,
// the process's peak memory and CPU time from /proc. Nothing here measures against a fixed sleep.
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's CPU fields (100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Peak resident memory (VmHWM) of a running process, in MiB. */
export function peakRssMiB(pid) {
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** User + system CPU time a running process has used so far, in ms (10 ms resolution). */
export function cpuMs(pid) {
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
  const afterName = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(afterName[11]) + Number(afterName[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * Starts `node ...args` in a pty of `cols`×`rows`. `onFrame(screen)` is called after every chunk of
 * output has been drawn (for counting screen updates).
 */
export function startPty(args, { cols = 100, rows = 30, env = {}, onFrame } = {}) {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const started = performance.now();
  const child = pty.spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols,
    rows,
    env: { ...process.env, CI: 'false', TERM: 'xterm-256color', ...env },
  });
  const waiters = new Set();
  const screen = () => {
    const buffer = term.buffer.active;
    const lines = [];
    for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  let exited = false;
  const exit = new Promise((resolve) => child.onExit(() => ((exited = true), resolve())));
  child.onData((data) =>
    term.write(data, () => {
      onFrame?.(screen);
      waiters.forEach((check) => check());
    }),
  );
  const waitFor = (isDone, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: timed out waiting; the screen:\n${screen()}`)), timeoutMs);
      const check = () => {
        if (!isDone(screen())) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(performance.now());
      };
      waiters.add(check);
      check();
    });
  const stop = async () => {
    if (!exited) child.kill('SIGKILL');
    await exit;
  };
  return { child, started, screen, waitFor, waitForRawMode: () => waitForRawMode(child), exit, stop };
}

/** ink draws before it switches raw mode on; keys sent in between would be echoed (see test/helpers/pty.ts). */
export async function waitForRawMode(child) {
  for (let tries = 0; tries < 2_000; tries++) {
    try {
      if (/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', child.ptsName, '-a'], { encoding: 'utf8' }))) return;
    } catch {
      // Not readable yet: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('bench: the program never switched the terminal to raw mode');
}
