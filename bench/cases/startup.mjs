// Start-up: time to print --version, time from process start to the home screen's first frame in a
// pseudo-terminal, and peak memory, each against a bare `node -e 0` measured in the same loop.
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { readFileSync } from 'node:fs';
import { LAUNCHER, median, paired, timeNode } from '../lib.mjs';

function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Starts the UI in a pty and resolves when the home screen's last menu line is on screen. */
function timeFirstFrame() {
  return new Promise((resolve, reject) => {
    const term = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
    const started = performance.now();
    const child = pty.spawn(process.execPath, [LAUNCHER], {
      name: 'xterm-256color',
      cols: 100,
      rows: 30,
      env: { ...process.env, CI: 'false', TERM: 'xterm-256color' },
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the home screen did not appear within 20 s'));
    }, 20_000);
    let isDone = false;
    child.onData((data) => {
      term.write(data, () => {
        if (isDone) return;
        const buffer = term.buffer.active;
        for (let y = 0; y < term.rows; y++) {
          if (buffer.getLine(y)?.translateToString(true).includes('8. Quit')) {
            isDone = true;
            const wallMs = performance.now() - started;
            const rssMiB = peakRssMiB(child.pid);
            clearTimeout(timer);
            child.onExit(() => resolve({ wallMs, rssMiB }));
            child.write('q');
            return;
          }
        }
      });
    });
  });
}

export default async function startup({ runs }) {
  const bare = () => timeNode(['-e', '0']);
  const version = await paired(runs, bare, () => timeNode([LAUNCHER, '--version']));
  const frame = await paired(runs, bare, timeFirstFrame);
  const row = (name, { base, subject }) => {
    const wall = median(subject.map((s) => s.wallMs));
    const baseWall = median(base.map((s) => s.wallMs));
    const rss = median(subject.map((s) => s.rssMiB));
    return {
      case: name,
      'median ms': wall.toFixed(0),
      'node -e 0 ms': baseWall.toFixed(0),
      'ratio': (wall / baseWall).toFixed(2),
      'peak RSS MiB': rss.toFixed(0),
      'node -e 0 RSS MiB': median(base.map((s) => s.rssMiB)).toFixed(0),
    };
  };
  return [row('trainer --version', version), row('first frame of the home screen (pty)', frame)];
}
