// The shell's root: draws the home screen at once, then loads the rest of the app (its engines, the
// scenario library, the question bank and the learner's progress) and hands over to it. It holds the
// app's one input subscription for the whole visit, so no key is lost at the hand-over: before it, keys
// go to boot-state.ts (and are replayed by the app); after it, to the app's own handler.
import { useApp, useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { AppProps } from './app.js';
import { bootKeys, initialBootState } from './boot-state.js';
import { keyNamesOf } from './keymap.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { LoadingScreen } from './screens/loading/loading-screen.js';

export type InputHandler = (input: string, key: Key) => void;

/** What the shell needs from the app: what the app is given by the boot screen itself. */
type BootGiven = 'version' | 'pendingKeys' | 'inputRef';

/** The loaded app and everything it is drawn with. */
export interface LoadedShell {
  readonly App: ComponentType<AppProps>;
  readonly props: Omit<AppProps, BootGiven>;
}

export interface BootProps {
  readonly version: string;
  /** The title of the screen opened at start (`trainer repl`, `trainer run ID` ...); undefined: home. */
  readonly opening?: string;
  load(): Promise<LoadedShell>;
}

export function Boot({ version, opening, load }: BootProps) {
  const { exit } = useApp();
  const boot = useRef(initialBootState(opening));
  const [view, setView] = useState(boot.current);
  const [shell, setShell] = useState<LoadedShell | undefined>(undefined);
  const isLoaded = useRef(false);
  // Set by the app while it takes keys (in a layout effect, so in the same turn as the hand-over).
  const appInput = useRef<InputHandler | undefined>(undefined);
  const onInput = useCallback<InputHandler>(
    (input, key) => {
      if (isLoaded.current) return appInput.current?.(input, key);
      boot.current = bootKeys(boot.current, keyNamesOf(input, key));
      if (boot.current.shouldQuit) return exit();
      setView(boot.current);
    },
    [exit],
  );
  useInput(onInput);
  useEffect(() => {
    let isCancelled = false;
    load().then(
      (loaded) => {
        if (isCancelled) return;
        isLoaded.current = true;
        setShell(loaded);
      },
      (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      isCancelled = true;
    };
  }, [load, exit]);
  if (shell !== undefined) return <shell.App {...shell.props} version={version} pendingKeys={boot.current.keys} inputRef={appInput} />;
  if (view.waitingFor !== undefined) return <LoadingScreen version={version} title={view.waitingFor} />;
  return <HomeScreen version={version} state={view.home} />;
}
