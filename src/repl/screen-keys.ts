// Which key tables each screen uses, in one place: the help overlay lists the tables of the screen it
// was opened from (then the global keys), the router asks which keys scroll and whether keys are being
// typed. The tables themselves live in keymap.ts, quiz-keymap.ts and repl-keys.ts; footers draw the
// same tables, so no key is described twice. Pure.
import type { AppState, Screen } from './app-state.js';
import {
  BACK_KEYS,
  BROWSER_FILTER_KEYS,
  BROWSER_KEYS,
  HOME_JUMP_HELP,
  HOME_KEYS,
  PAGE_KEYS,
  RUN_FINISHED_KEYS,
  RUN_QUESTION_KEYS,
  RUN_READING_KEYS,
  RUN_TASK_KEYS,
  SCROLL_KEYS,
  type Binding,
  type ScrollKeyAction,
} from './keymap.js';
import { questionOnScreen } from './screens/quiz/practice-state.js';
import * as quiz from './screens/quiz/quiz-keymap.js';
import { REPL_KEYS } from './screens/repl/repl-keys.js';

export interface KeySection {
  readonly title: string;
  readonly bindings: readonly Binding<string>[];
  /** True when the screen is in this section's state: help lists it first. */
  readonly isNow?: (state: AppState) => boolean;
}

export interface ScreenKeys {
  /** The screen's name, as help's title says it ("Keys of the mock exam"). */
  readonly name: string;
  readonly sections: readonly KeySection[];
}

const section = (title: string, bindings: readonly Binding<string>[], isNow?: (state: AppState) => boolean): KeySection => ({ title, bindings, ...(isNow === undefined ? {} : { isNow }) });
const runPhase = (state: AppState): string | undefined => state.scenarios.run?.runner.phase;
const practicePhase = (state: AppState): string | undefined => state.learning.practice?.phase;
const examPhase = (state: AppState): string | undefined => state.learning.exam?.phase;
const SCROLLING = section('Content taller than the screen (its status line counts what is hidden)', SCROLL_KEYS);

const HOME: ScreenKeys = { name: 'the home screen', sections: [section('Menu', [...HOME_KEYS, HOME_JUMP_HELP])] };
const BROWSER: ScreenKeys = { name: 'the scenario browser', sections: [section('The list', BROWSER_KEYS, (state) => !state.scenarios.browser.isFiltering), section('While typing a filter (other keys are typed)', BROWSER_FILTER_KEYS, (state) => state.scenarios.browser.isFiltering)] };
const RUNNER: ScreenKeys = {
  name: 'the scenario runner',
  sections: [
    section('Reading a step', RUN_READING_KEYS, (state) => ['reading', 'answered', 'solved'].includes(runPhase(state) ?? '')),
    section('Answering a prediction', RUN_QUESTION_KEYS, (state) => runPhase(state) === 'awaiting-answer'),
    section('During a task (other keys are typed at the prompt)', [...RUN_TASK_KEYS, ...PAGE_KEYS], (state) => runPhase(state) === 'working'),
    section('When the scenario is finished', RUN_FINISHED_KEYS, (state) => runPhase(state) === 'finished'),
    section('A step taller than the screen (not during a task)', SCROLL_KEYS),
  ],
};
const QUIZ: ScreenKeys = {
  name: 'the quiz and review',
  sections: [
    section('Picking a topic', quiz.TOPIC_KEYS, (state) => practicePhase(state) === 'topics'),
    section('A choice question', quiz.CHOICE_KEYS, (state) => practicePhase(state) === 'question' && !isTyping(state)),
    section('A numeric or ordering question (other keys are typed)', quiz.TYPING_KEYS, (state) => practicePhase(state) === 'question' && isTyping(state)),
    section('After answering: rate how well you knew it', quiz.RATING_KEYS, (state) => practicePhase(state) === 'feedback'),
    section('The summary', quiz.DONE_KEYS, (state) => practicePhase(state) === 'done'),
    SCROLLING,
  ],
};
const EXAM: ScreenKeys = {
  name: 'the mock exam',
  sections: [
    section('Before it starts', quiz.EXAM_INTRO_KEYS, (state) => examPhase(state) === 'intro'),
    section('A question (q does not quit here; Ctrl+C does)', quiz.EXAM_QUESTION_KEYS, (state) => examPhase(state) === 'question'),
    section('The overview of all questions', quiz.EXAM_OVERVIEW_KEYS, (state) => examPhase(state) === 'overview'),
    section('Submitting', quiz.EXAM_CONFIRM_KEYS, (state) => examPhase(state) === 'confirm'),
    section('The results', quiz.EXAM_RESULTS_KEYS, (state) => examPhase(state) === 'results'),
    SCROLLING,
  ],
};
const DASHBOARD: ScreenKeys = { name: 'the progress dashboard', sections: [section('The dashboard', BACK_KEYS), SCROLLING] };
const REPL: ScreenKeys = { name: 'the sandbox REPL', sections: [section('The prompt (other keys are typed; ? on an empty prompt is help; exit or Esc leaves)', REPL_KEYS)] };
const OTHER: ScreenKeys = { name: 'this screen', sections: [section('Keys', BACK_KEYS)] };

/**
 * The key tables of `screen` (help's `from`; undefined: the home screen), the tables of the state it
 * is in first (`state`: the app's state, whose screen may be help itself).
 */
export function keysOfScreen(screen: Screen | undefined, state: AppState): ScreenKeys {
  const keys = screenKeysOf(screen, state);
  const inScreen: AppState = { ...state, screen: screen ?? { kind: 'home' } };
  const isNow = (candidate: KeySection): boolean => candidate.isNow?.(inScreen) === true;
  return { ...keys, sections: [...keys.sections.filter(isNow), ...keys.sections.filter((candidate) => !isNow(candidate))] };
}

function screenKeysOf(screen: Screen | undefined, state: AppState): ScreenKeys {
  switch (screen?.kind) {
    case undefined:
    case 'home':
    case 'help':
      return HOME;
    case 'scenarios':
      return state.scenarios.run === undefined ? BROWSER : RUNNER;
    case 'quiz':
      return QUIZ;
    case 'exam':
      return EXAM;
    case 'progress':
      return DASHBOARD;
    case 'repl':
      return REPL;
    default:
      return OTHER;
  }
}

/** True while keys are typed into a line (so `?` and `q` are letters there, not shortcuts). */
export function isTyping(state: AppState): boolean {
  switch (state.screen.kind) {
    case 'repl':
      // `?` on an empty prompt opens help (no command starts with it).
      return state.repl.input !== '';
    case 'scenarios':
      return state.scenarios.run === undefined ? state.scenarios.browser.isFiltering : state.scenarios.run.runner.phase === 'working';
    case 'quiz': {
      const practice = state.learning.practice;
      const type = practice === null ? undefined : questionOnScreen(practice)?.type;
      return practice?.phase === 'question' && (type === 'numeric' || type === 'ordering');
    }
    default:
      return false;
  }
}

/** The keys that scroll on the screen as it stands: none where ↑/↓ and PgUp/PgDn have other uses. */
export function scrollKeysOf(state: AppState): readonly Binding<ScrollKeyAction>[] {
  switch (state.screen.kind) {
    case 'help':
    case 'progress':
      return SCROLL_KEYS;
    case 'scenarios': {
      const run = state.scenarios.run;
      if (run === undefined) return [];
      return run.runner.phase === 'working' ? PAGE_KEYS : SCROLL_KEYS;
    }
    case 'quiz': {
      const phase = state.learning.practice?.phase;
      return phase === 'question' || phase === 'feedback' ? SCROLL_KEYS : [];
    }
    case 'exam': {
      const phase = state.learning.exam?.phase;
      return phase === 'question' || phase === 'results' ? SCROLL_KEYS : [];
    }
    default:
      return [];
  }
}
