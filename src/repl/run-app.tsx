// Draws the shell in the terminal until the learner quits, on the terminal's alternate screen so
// that leaving trainer gives back the terminal exactly as it was.
import { render } from 'ink';
import { createLowdbRepository } from '../progress/index.js';
import { loadQuestionBank } from '../quiz/index.js';
import { loadLibrary } from '../scenarios/index.js';
import { App, type OpenLearning } from './app.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export interface LearningOptions {
  /** The built-in question bank and the learner's own packs (problem files are skipped, as in plain mode). */
  readonly bankDirs: readonly string[];
  /** `trainer quiz | review | exam` in a terminal: the screen to open at once. */
  readonly openLearning?: OpenLearning;
}

export interface RunAppOptions extends LearningOptions {
  readonly version: string;
  readonly progressDir: string;
  /** `trainer run ID` in a terminal: the scenario to open at once (already known to exist). */
  readonly openScenario?: { readonly id: string; readonly seed: number };
  /** `trainer repl`: open the sandbox at once. */
  readonly startInRepl?: boolean;
  /** The seed of the sandbox's first world. @default 1 */
  readonly seed?: number;
}

export async function runApp({ version, progressDir, openScenario, startInRepl = false, seed = 1, bankDirs, openLearning }: RunAppOptions): Promise<void> {
  // Progress is loaded before the first frame: a corrupt file is moved aside now, and the app asks
  // the learner what to do before anything else can be recorded.
  const repository = createLowdbRepository(progressDir);
  const loaded = await repository.load();
  // Scenario files with problems are left out here; `trainer scenarios validate` names them.
  const library = loadLibrary({ userDir: progressDir }).scenarios.map((entry) => entry.scenario);
  const bank = loadQuestionBank(bankDirs).questions;
  const out = process.stdout;
  let isOnAltScreen = true;
  const leave = (): void => {
    if (isOnAltScreen) out.write(LEAVE_ALT_SCREEN);
    isOnAltScreen = false;
  };
  // Also on an unexpected exit, so a crash never strands the learner on a blank alternate screen.
  process.once('exit', leave);
  out.write(ENTER_ALT_SCREEN);
  const opened = { ...(openScenario === undefined ? {} : { openScenario }), ...(openLearning === undefined ? {} : { openLearning }) };
  const shared = { version, repository, library, startInRepl, seed, historyDir: progressDir, bank, ...opened };
  // Ctrl+C is routed by the app (it stops long work in the sandbox, and quits everywhere else).
  const instance = render(
    loaded.ok ? <App {...shared} progress={loaded.value} cards={loaded.value.cards} /> : <App {...shared} progressProblem={loaded.problem} />,
    { exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
  }
}
