// Renders an ink element for a component test and drives it the way a person does: press a key, then
// wait until the frame shows what the key should cause. Every render and key press runs inside act(),
// and waiting is by content with a bounded number of turns, never by a fixed sleep (STYLE.md §4).
import { render as inkRender } from 'ink';
import { render as testingRender } from 'ink-testing-library';
import { EventEmitter } from 'node:events';
import { act, type ReactElement } from 'react';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  ctrlC: '\u0003',
} as const;

export interface Rendered {
  /** The last frame, as the terminal would show it. */
  frame(): string;
  press(...keys: string[]): Promise<void>;
  /** Presses the keys, then waits until the frame contains `text`. */
  pressAndWaitFor(text: string, ...keys: string[]): Promise<string>;
  waitFor(text: string): Promise<string>;
  /** Changes the terminal's size (only for a render given a `size`), as a resize does. */
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** What ink needs of a terminal, with a size: ink-testing-library's own always has 100 columns, no rows. */
class SizedStdout extends EventEmitter {
  lastFrameText: string | undefined;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): void => {
    this.lastFrameText = frame;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

interface Instance {
  lastFrame(): string | undefined;
  stdin: { write(data: string): void };
  unmount(): void;
  stdout?: SizedStdout;
}

function sizedRender(element: ReactElement, size: TerminalSize): Instance {
  const stdout = new SizedStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const options = { stdout, stderr: new SizedStdout(size.columns, size.rows), stdin, debug: true, exitOnCtrlC: false, patchConsole: false };
  const instance = inkRender(element, options as unknown as Parameters<typeof inkRender>[1]);
  return { lastFrame: () => stdout.lastFrameText, stdin, unmount: () => instance.unmount(), stdout };
}

const MAX_TURNS = 200;

async function nextTurn(): Promise<void> {
  await act(async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
  });
}

/** Renders `element`; with `size`, in a terminal of that many columns and rows (else 100 columns, rows unknown). */
export async function renderInk(element: ReactElement, size?: TerminalSize): Promise<Rendered> {
  let instance!: Instance;
  await act(async () => {
    if (size !== undefined) instance = sizedRender(element, size);
    else {
      const rendered = testingRender(element);
      instance = { lastFrame: rendered.lastFrame, stdin: rendered.stdin, unmount: rendered.unmount };
    }
  });
  // ink subscribes to stdin in an effect; let effects run before the first key.
  await nextTurn();
  const frame = (): string => instance.lastFrame() ?? '';
  const waitFor = async (text: string): Promise<string> => {
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      if (frame().includes(text)) return frame();
      await nextTurn();
    }
    throw new Error(`Timed out waiting for ${JSON.stringify(text)}. Last frame:\n${frame()}`);
  };
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      await act(async () => {
        instance.stdin.write(key);
      });
      await nextTurn();
    }
  };
  return {
    frame,
    press,
    waitFor,
    pressAndWaitFor: async (text, ...keys) => {
      await press(...keys);
      return waitFor(text);
    },
    resize: async (columns, rows) => {
      const { stdout } = instance;
      if (stdout === undefined) throw new Error('resize needs a render with a size');
      await act(async () => {
        stdout.columns = columns;
        stdout.rows = rows;
        stdout.emit('resize');
      });
      await nextTurn();
    },
    unmount: () => {
      act(() => instance.unmount());
    },
  };
}
