// Draws the shell in the terminal until the learner quits, on the terminal's alternate screen so
// that leaving trainer gives back the terminal exactly as it was.
import { render } from 'ink';
import { createLowdbRepository } from '../progress/index.js';
import { loadQuestionBank } from '../quiz/index.js';
import { App, type OpenLearning } from './app.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export interface LearningOptions {
  /** The built-in question bank and the learner's own packs (problem files are skipped, as in plain mode). */
  readonly bankDirs: readonly string[];
  /** `trainer quiz | review | exam` in a terminal: the screen to open at once. */
  readonly openLearning?: OpenLearning;
}

export async function runApp({ version, progressDir, bankDirs, openLearning }: { readonly version: string; readonly progressDir: string } & LearningOptions): Promise<void> {
  // Progress is loaded before the first frame: a corrupt file is moved aside now, and the app asks
  // the learner what to do before anything else can be recorded.
  const repository = createLowdbRepository(progressDir);
  const loaded = await repository.load();
  const learning = { bank: loadQuestionBank(bankDirs).questions, ...(openLearning === undefined ? {} : { openLearning }) };
  const out = process.stdout;
  let isOnAltScreen = true;
  const leave = (): void => {
    if (isOnAltScreen) out.write(LEAVE_ALT_SCREEN);
    isOnAltScreen = false;
  };
  // Also on an unexpected exit, so a crash never strands the learner on a blank alternate screen.
  process.once('exit', leave);
  out.write(ENTER_ALT_SCREEN);
  const instance = render(
    loaded.ok ? (
      <App version={version} repository={repository} {...learning} cards={loaded.value.cards} />
    ) : (
      <App version={version} repository={repository} {...learning} progressProblem={loaded.problem} />
    ),
    { exitOnCtrlC: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
  }
}
