// Renders an ink element for a component test and drives it the way a person does: press a key, then
// wait until the frame shows what the key should cause. Every render and key press runs inside act(),
// and waiting is by content with a bounded number of turns, never by a fixed sleep (STYLE.md §4).
import { render as inkRender } from 'ink-testing-library';
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
  unmount(): void;
}

const MAX_TURNS = 200;

async function nextTurn(): Promise<void> {
  await act(async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
  });
}

export async function renderInk(element: ReactElement): Promise<Rendered> {
  let instance!: ReturnType<typeof inkRender>;
  await act(async () => {
    instance = inkRender(element);
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
    unmount: () => {
      act(() => instance.unmount());
    },
  };
}
