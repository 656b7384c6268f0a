// `trainer quiz | review | exam | questions`, in plain text or JSON, answers read line by line from
// stdin. Loaded lazily by src/cli.ts, which passes the outside world in `io`. Progress (attempts, FSRS
// cards, exam results) is recorded here through the progress store; src/quiz never touches it.
// Exit codes: 0 done; 1 a problem with the data (bad question files, unreadable progress, unknown topic).
import { closestMatch } from '../sim/index.js';
import { createLowdbRepository, type ProgressRepository } from '../progress/index.js';
import {
  answerPractice,
  answerRecord,
  currentQuestion,
  domainsOf,
  loadQuestionBank,
  parseSelfRating,
  practicePool,
  selectPractice,
  selectReview,
  startPractice,
  type AnsweredEvent,
  type CardRecord,
  type PracticeState,
  type Question,
  type QuestionBank,
  type SelfRating,
} from '../quiz/index.js';
import type { Invocation, QuizAction, QuizOutput } from './parse-args.js';
import { feedbackText, questionJson, questionText } from './quiz-text.js';

export interface QuizIo {
  readonly progressDir: string;
  /** The built-in bank (data/questions next to the bundle) and the learner's own packs. */
  readonly bankDirs: { readonly builtIn: string; readonly user: string };
  /** The wall clock, read by the shell (src/quiz never reads it). */
  now(): number;
  write(text: string): void;
  writeError(text: string): void;
  /** The next line of stdin, or undefined at its end. */
  readLine(): Promise<string | undefined>;
}

const json = (io: QuizIo, value: unknown): void => io.write(`${JSON.stringify(value)}\n`);

export function loadBank(io: QuizIo): QuestionBank {
  const bank = loadQuestionBank([io.bankDirs.builtIn, io.bankDirs.user]);
  if (bank.problems.length > 0) {
    io.writeError(`trainer: ${bank.problems.length} problem(s) in question files; those files were skipped. Run "trainer questions validate" for details.\n`);
  }
  return bank;
}

function topicProblem(io: QuizIo, bank: QuestionBank, topic: string | null): boolean {
  if (topic === null) return false;
  const topics = [...new Set(bank.questions.map((question) => question.tags.topic))].sort();
  if (topics.includes(topic)) return false;
  const suggestion = closestMatch(topic, topics);
  io.writeError(`trainer: no questions for topic "${topic}".${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`} Topics: ${topics.join(', ')}\n`);
  return true;
}

function listQuestions(io: QuizIo, bank: QuestionBank, topic: string | null, output: QuizOutput): number {
  if (topicProblem(io, bank, topic)) return 1;
  const rows = bank.questions
    .filter((question) => topic === null || question.tags.topic === topic)
    .map((question) => ({
      id: question.id,
      type: question.type,
      service: question.tags.service,
      topic: question.tags.topic,
      domains: domainsOf(question).map(({ exam, domain }) => `${exam}:${domain}`),
      difficulty: question.tags.difficulty,
    }));
  if (output === 'json') return (json(io, { questions: rows }), 0);
  const width = Math.max(...rows.map((row) => row.id.length), 2);
  io.write(rows.map((row) => `${row.id.padEnd(width)}  ${row.type.padEnd(8)}  ${row.topic.padEnd(24)}  ${row.difficulty.padEnd(6)}  ${row.domains.join(' ')}`).join('\n'));
  io.write(`\n${rows.length} question(s).\n`);
  return 0;
}

function validate(io: QuizIo, path: string | null, output: QuizOutput): number {
  const targets = path === null ? [io.bankDirs.builtIn, io.bankDirs.user] : [path];
  const bank = loadQuestionBank(targets);
  if (output === 'json') {
    json(io, { questions: bank.questions.length, problems: bank.problems });
  } else if (bank.problems.length === 0) {
    io.write(`All ${bank.questions.length} question(s) are valid (${targets.join(', ')}).\n`);
  } else {
    io.write(`${bank.problems.map((problem) => problem.message).join('\n')}\n${bank.problems.length} problem(s); ${bank.questions.length} question(s) are valid.\n`);
  }
  return bank.problems.length === 0 ? 0 : 1;
}

async function loadCards(io: QuizIo, repo: ProgressRepository): Promise<Record<string, CardRecord> | undefined> {
  const loaded = await repo.load();
  if (!loaded.ok) {
    io.writeError(`trainer: ${loaded.problem.message}\n`);
    return undefined;
  }
  return loaded.value.cards;
}

/** With `--rate`: asks for the learner's own rating until one is given; the derived one at end of input. */
async function askSelfRating(io: QuizIo, event: AnsweredEvent, output: QuizOutput): Promise<SelfRating> {
  const derived = event.rating;
  for (;;) {
    if (output === 'json') json(io, { type: 'rate', isCorrect: event.grade.isCorrect, expected: event.grade.expected, derived, choices: ['again', 'hard', 'good', 'easy'] });
    else io.write(`How well did you know it? 1 again, 2 hard, 3 good, 4 easy (Enter: ${derived}) > `);
    const line = await io.readLine();
    if (line === undefined) return derived;
    const rating = parseSelfRating(line, derived);
    if (rating !== null) return rating;
    const problem = `"${line.trim()}" is not a rating: type 1, 2, 3 or 4 (or again, hard, good, easy), or press Enter.`;
    if (output === 'json') json(io, { type: 'problem', message: problem });
    else io.write(`(${problem})\n`);
  }
}

interface PracticeRun {
  readonly io: QuizIo;
  readonly repo: ProgressRepository;
  readonly output: QuizOutput;
  readonly cards: Record<string, CardRecord>;
  readonly selfRate: boolean;
}

/** Records the attempt and the card's next FSRS state (the same record as the shell's); returns the card. */
async function recordAnswer(run: PracticeRun, event: AnsweredEvent, rating: SelfRating): Promise<CardRecord> {
  const record = answerRecord(run.cards, event, rating);
  run.cards[record.cardId] = record.card;
  const saved = await run.repo.update(record.changes);
  if (!saved.ok) run.io.writeError(`trainer: your answer was not saved: ${saved.problem.message}\n`);
  return record.card;
}

/** Asks each question, grades the line typed, gives feedback, maybe asks a rating, records attempt + card. */
async function runPractice(run: PracticeRun, questions: readonly Question[], mode: PracticeState['mode']): Promise<number> {
  const { io, output } = run;
  let state = startPractice(mode, questions, io.now());
  while (currentQuestion(state) !== undefined) {
    const question = currentQuestion(state)!;
    const heading = `Question ${state.index + 1} of ${questions.length}  [${question.tags.service} · ${question.tags.topic} · ${question.tags.difficulty}]`;
    if (output === 'json') json(io, questionJson(question, state.index + 1, questions.length));
    else io.write(`\n${questionText(question, heading)}\n> `);
    const line = await io.readLine();
    if (line === undefined) break;
    const step = answerPractice(state, line, io.now());
    if ('problem' in step) {
      if (output === 'json') json(io, { type: 'problem', message: step.problem });
      else io.write(`(${step.problem})\n`);
      continue;
    }
    state = step.state;
    const { event } = step;
    if (output !== 'json') io.write(`${feedbackText(question, event.grade)}\n`);
    const rating = run.selfRate ? await askSelfRating(io, event, output) : event.rating;
    const card = await recordAnswer(run, event, rating);
    if (output === 'json') json(io, { type: 'result', id: question.id, isCorrect: event.grade.isCorrect, expected: event.grade.expected, rating, nextDueMs: card.due, explanation: question.explanation });
  }
  const summary = { type: 'summary', answered: state.index, correct: state.correctCount };
  if (output === 'json') json(io, summary);
  else io.write(`\nDone: ${state.correctCount} of ${state.index} correct.\n`);
  return 0;
}

async function practiceOrReview(io: QuizIo, action: Extract<QuizAction, { type: 'practice' | 'review' }>, output: QuizOutput): Promise<number> {
  const bank = loadBank(io);
  const topic = action.type === 'practice' ? action.topic : null;
  if (topicProblem(io, bank, topic)) return 1;
  const repo = createLowdbRepository(io.progressDir);
  const cards = await loadCards(io, repo);
  if (cards === undefined) return 1;
  const nowMs = io.now();
  const pool = practicePool(bank.questions, topic, nowMs % 1_000_000);
  const questions = action.type === 'practice' ? selectPractice(pool, cards, action.count, nowMs, nowMs % 1_000_000) : selectReview(pool, cards, action.count, nowMs);
  if (questions.length === 0) {
    const next = Object.values(cards).reduce((soonest, card) => Math.min(soonest, card.due), Infinity);
    const message = Number.isFinite(next) ? `Nothing is due. The next card falls due at ${new Date(next).toISOString()}.` : 'Nothing is due: answer some questions with "trainer quiz" first.';
    if (output === 'json') json(io, { type: 'summary', answered: 0, correct: 0, message });
    else io.write(`${message}\n`);
    return 0;
  }
  return runPractice({ io, repo, output, cards, selfRate: action.selfRate }, questions, action.type);
}

export async function runQuizCommand(invocation: Extract<Invocation, { kind: 'quiz' }>, io: QuizIo): Promise<number> {
  const { action, output } = invocation;
  switch (action.type) {
    case 'list-questions':
      return listQuestions(io, loadBank(io), action.topic, output);
    case 'validate-questions':
      return validate(io, action.path, output);
    case 'practice':
    case 'review':
      return practiceOrReview(io, action, output);
    case 'exam': {
      const { runExam } = await import('./exam-command.js');
      return runExam(io, action, output);
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
