// The part of the shell that is loaded after the first frame (boot.tsx): the app with its engines, the
// learner's progress, the scenario library and the question bank. Importing this module loads the
// simulator, the scenario and quiz engines and zod, which is why the home screen is drawn before it.
import { createLowdbRepository } from '../progress/index.js';
import { loadQuestionBank } from '../quiz/index.js';
import { loadLibrary } from '../scenarios/index.js';
import { App, type OpenLearning } from './app.js';
import type { LoadedShell } from './boot.js';

export interface ShellPlaces {
  /** The progress folder (also where the REPL keeps its history and the learner's packs live). */
  readonly progressDir: string;
  /** The built-in question bank and the learner's own packs (problem files are skipped, as in plain mode). */
  readonly bankDirs: readonly string[];
}

export interface ShellStart {
  /** Where things are; found after the first frame (finding the progress folder loads the store's code). */
  locate(): Promise<ShellPlaces>;
  readonly openScenario?: { readonly id: string; readonly seed: number };
  readonly openLearning?: OpenLearning;
  readonly startInRepl: boolean;
  readonly seed: number;
}

/** Lets ink draw and read keys between the loading steps (each takes tens to hundreds of ms). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function loadShell({ locate, openScenario, openLearning, startInRepl, seed }: ShellStart): Promise<LoadedShell> {
  const { progressDir, bankDirs } = await locate();
  // A corrupt file is moved aside now; the app then asks the learner before anything can be recorded.
  const repository = createLowdbRepository(progressDir);
  const loaded = await repository.load();
  await nextTurn();
  // Scenario files with problems are left out here; `trainer scenarios validate` names them.
  const library = loadLibrary({ userDir: progressDir }).scenarios.map((entry) => entry.scenario);
  await nextTurn();
  const bank = loadQuestionBank(bankDirs).questions;
  const opened = { ...(openScenario === undefined ? {} : { openScenario }), ...(openLearning === undefined ? {} : { openLearning }) };
  const shared = { repository, library, bank, startInRepl, seed, historyDir: progressDir, ...opened };
  const props = loaded.ok ? { ...shared, progress: loaded.value, cards: loaded.value.cards } : { ...shared, progressProblem: loaded.problem };
  return { App, props };
}
