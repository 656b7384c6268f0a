// Draws the shell in the terminal until the learner quits, on the terminal's alternate screen so
// that leaving trainer gives back the terminal exactly as it was. The first frame comes from boot.tsx,
// which loads nothing heavy; the app, the content and the progress load right after it (shell-loader.ts,
// a separate chunk of the bundle).
import { render } from 'ink';
import type { OpenLearning } from './app.js';
import { Boot } from './boot.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import type { ShellPlaces, ShellStart } from './shell-loader.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export interface RunAppOptions {
  readonly version: string;
  /** Where progress and the question banks are; called after the first frame. */
  locate(): Promise<ShellPlaces>;
  /** `trainer run ID` in a terminal: the scenario to open at once (already known to exist). */
  readonly openScenario?: { readonly id: string; readonly seed: number };
  /** `trainer quiz | review | exam` in a terminal: the screen to open at once. */
  readonly openLearning?: OpenLearning;
  /** `trainer repl`: open the sandbox at once. */
  readonly startInRepl?: boolean;
  /** The seed of the sandbox's first world. @default 1 */
  readonly seed?: number;
}

/** The title the boot screen shows while a screen opened from the command line loads; undefined: home. */
function openingTitle({ openScenario, openLearning, startInRepl }: RunAppOptions): string | undefined {
  if (openScenario !== undefined) return 'Scenario';
  if (openLearning !== undefined) return HOME_ENTRIES.find((entry) => entry.id === openLearning.entry)?.label;
  return startInRepl === true ? 'Sandbox REPL' : undefined;
}

export async function runApp(options: RunAppOptions): Promise<void> {
  const { version, locate, openScenario, openLearning, startInRepl = false, seed = 1 } = options;
  const start: ShellStart = { locate, startInRepl, seed, ...(openScenario === undefined ? {} : { openScenario }), ...(openLearning === undefined ? {} : { openLearning }) };
  const load = async () => (await import('./shell-loader.js')).loadShell(start);
  const out = process.stdout;
  let isOnAltScreen = true;
  const leave = (): void => {
    if (isOnAltScreen) out.write(LEAVE_ALT_SCREEN);
    isOnAltScreen = false;
  };
  // Also on an unexpected exit, so a crash never strands the learner on a blank alternate screen.
  process.once('exit', leave);
  out.write(ENTER_ALT_SCREEN);
  const opening = openingTitle(options);
  // Ctrl+C is routed by the app (it stops long work in the sandbox, and quits everywhere else).
  const instance = render(<Boot version={version} load={load} {...(opening === undefined ? {} : { opening })} />, { exitOnCtrlC: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
  }
}
