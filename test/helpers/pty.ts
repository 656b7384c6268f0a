// Runs the built `trainer` in a real pseudo-terminal and reads the screen as a person sees it, through
// a headless xterm. Tests wait for text on screen (bounded), never for a fixed time (PLATFORM.md).
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHER = fileURLToPath(new URL('../../bin/trainer.js', import.meta.url));

export interface TerminalOptions {
  readonly args?: readonly string[];
  readonly cols?: number;
  readonly rows?: number;
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningTerminal {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string;
  /** Everything the program wrote, escape codes included. */
  rawOutput(): string;
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  waitForGone(text: string, timeoutMs?: number): Promise<string>;
  press(keys: string): void;
  resize(cols: number, rows: number): void;
  /**
   * Waits until the program has put the terminal in raw mode. ink draws its first frame before it
   * switches raw mode on, and keys sent in between sit in the line buffer: tests wait for this first.
   */
  waitForRawMode(timeoutMs?: number): Promise<void>;
  /** Waits for the screen to show `text`, then for raw mode, so the next key is read at once. */
  waitForReady(text: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the program has ended. */
  exited(timeoutMs?: number): Promise<number>;
  kill(): void;
}

/** The child's environment: ink draws only the last frame when CI is set, so CI is switched off. */
function childEnv(extra: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('CI_') && key !== 'CONTINUOUS_INTEGRATION') env[key] = value;
  }
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  // Progress goes to a folder that does not exist (loading creates nothing), never the real one.
  const trainerHome = path.join(tmpdir(), `trainer-e2e-unused-${process.pid}`);
  return { ...env, CI: 'false', TERM: 'xterm-256color', TRAINER_HOME: trainerHome, ...extra };
}

export function startTrainer(options: TerminalOptions = {}): RunningTerminal {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [LAUNCHER, ...(options.args ?? [])], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: process.cwd(),
    env: childEnv(options.env ?? {}),
  });
  let raw = '';
  let exitCode: number | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  child.onData((data) => {
    raw += data;
    term.write(data, notify);
  });
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    notify();
  });

  const screen = (): string => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  };

  const waitUntil = (isDone: () => boolean, describe: () => string, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!isDone()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${describe()}\n--- screen ---\n${screen()}\n--------------`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  // Linux lets `stty -F` read the pseudo-terminal's settings; raw mode shows as "-icanon".
  const ptsName = (child as unknown as { ptsName?: string }).ptsName;
  const isRaw = (): boolean => {
    if (ptsName === undefined) return true;
    try {
      return /(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', ptsName, '-a'], { encoding: 'utf8' }));
    } catch {
      return false;
    }
  };
  const waitForRawMode = async (timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!isRaw()) {
      if (exitCode !== undefined) throw new Error(`trainer exited (code ${exitCode}) before reading keys\n${screen()}`);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for raw mode\n--- screen ---\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const api: RunningTerminal = {
    screen,
    rawOutput: () => raw,
    waitFor: async (text, timeoutMs = 15_000) => {
      await waitUntil(() => screen().includes(text), () => `Timed out waiting for ${JSON.stringify(text)} on screen`, timeoutMs);
      return screen();
    },
    waitForGone: async (text, timeoutMs = 15_000) => {
      await waitUntil(() => !screen().includes(text), () => `Timed out waiting for ${JSON.stringify(text)} to leave the screen`, timeoutMs);
      return screen();
    },
    waitForRawMode,
    waitForReady: async (text, timeoutMs = 15_000) => {
      await api.waitFor(text, timeoutMs);
      await waitForRawMode(timeoutMs);
      return screen();
    },
    press: (keys) => child.write(keys),
    resize: (newCols, newRows) => {
      child.resize(newCols, newRows);
      term.resize(newCols, newRows);
    },
    exited: async (timeoutMs = 15_000) => {
      await waitUntil(() => exitCode !== undefined, () => 'Timed out waiting for trainer to exit', timeoutMs);
      return exitCode ?? -1;
    },
    kill: () => {
      if (exitCode === undefined) child.kill('SIGKILL');
      term.dispose();
    },
  };
  return api;
}
