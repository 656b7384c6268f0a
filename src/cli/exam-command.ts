// `trainer exam` in plain text or JSON: the mock exam's questions one by one, answers (and the
// commands flag, back, next, go N, submit) line by line on stdin, no feedback until the end, then the
// estimated scaled score, the per-domain report, and the questions missed with their explanations.
import { createLowdbRepository } from '../progress/index.js';
import {
  DOMAIN_TITLES,
  FULL_EXAM,
  examPool,
  QUICK_EXAM,
  examRecord,
  examResult,
  planExam,
  remainingMs,
  startExam,
  stepExam,
  type ExamAction,
  type ExamResult,
  type ExamState,
} from '../quiz/index.js';
import type { QuizAction, QuizOutput } from './parse-args.js';
import { loadBank, type QuizIo } from './quiz-commands.js';
import { feedbackText, minutesText, questionJson, questionText } from './quiz-text.js';

const HELP = 'Type letters to answer; "flag" to flag or unflag; "back", "next" (or an empty line), "go N" to move; "submit" to finish.';

/** A typed line → an exam action. Anything that is not a command is an answer. */
export function examActionOf(line: string): ExamAction {
  const text = line.trim().toLowerCase();
  if (text === '' || text === 'next') return { type: 'next' };
  if (text === 'back' || text === 'previous') return { type: 'previous' };
  if (text === 'flag') return { type: 'toggle-flag' };
  if (text === 'submit') return { type: 'submit' };
  const go = /^go\s+(\d+)$/.exec(text);
  if (go !== null) return { type: 'go-to', index: Number(go[1]) - 1 };
  return { type: 'answer', line: text };
}

function showCurrent(io: QuizIo, state: ExamState, output: QuizOutput): void {
  const item = state.items[state.current]!;
  const position = state.current + 1;
  if (output === 'json') {
    io.write(`${JSON.stringify({ ...questionJson(item.question, position, state.items.length), isFlagged: state.flagged[state.current], isAnswered: state.answers[state.current] !== null, remainingMs: remainingMs(state, io.now()) })}\n`);
    return;
  }
  const flags = [state.flagged[state.current] ? 'flagged' : '', state.answers[state.current] === null ? '' : 'answered'].filter(Boolean).join(', ');
  const heading = `Question ${position} of ${state.items.length}${flags === '' ? '' : ` (${flags})`}  ·  ${minutesText(remainingMs(state, io.now()))} left`;
  io.write(`\n${questionText(item.question, heading)}\n> `);
}

function atEndText(state: ExamState): string {
  const open = state.answers.flatMap((answer, i) => (answer === null ? [i + 1] : []));
  const flagged = state.flagged.flatMap((flag, i) => (flag ? [i + 1] : []));
  return `\nEnd of the questions. Unanswered: ${open.length === 0 ? 'none' : open.join(', ')}. Flagged: ${flagged.length === 0 ? 'none' : flagged.join(', ')}.\nType "go N" to return to a question, or "submit" to finish.\n> `;
}

export function reportText(result: ExamResult, state: ExamState): string {
  const percent = (correct: number, total: number) => (total === 0 ? '–' : `${Math.round((100 * correct) / total)} %`);
  const unscored = state.items.length - result.total;
  const lines = [
    '',
    result.endReason === 'time-up' ? 'Time is up: the exam was submitted with the answers given so far.' : 'Exam submitted.',
    `${result.exam}: ${result.correct} of ${result.total} scored questions right (${percent(result.correct, result.total)}); ${unscored} question(s) were unscored, as on the real exam, and are not counted. Unanswered: ${result.unanswered}. Time used: ${minutesText(result.durationMs)}.`,
    `Scaled score: ${result.scaledScore} of 1000 (720 to pass): ${result.isPassed ? 'PASS' : 'FAIL'}.`,
    'This scaled score is an estimate: AWS does not publish how it scales raw scores; trainer maps the percentage right linearly onto 100–1000.',
    '',
    'Domain (exam guide weight)                 right',
    ...result.domains.map((d) => `  ${`${d.title} (${d.weightPercent} %)`.padEnd(42)} ${d.correct}/${d.total} (${percent(d.correct, d.total)})`),
  ];
  const missed = state.items.flatMap((item, i) => (result.grades[i]!.isCorrect ? [] : [{ item, i }]));
  if (missed.length > 0) lines.push('', 'Questions to look at again:');
  for (const { item, i } of missed) lines.push('', `${i + 1}. ${item.question.stem}`, feedbackText(item.question, result.grades[i]!));
  return `${lines.join('\n')}\n`;
}

export async function runExam(io: QuizIo, action: Extract<QuizAction, { type: 'exam' }>, output: QuizOutput): Promise<number> {
  const bank = loadBank(io);
  const format = action.isQuick ? QUICK_EXAM : FULL_EXAM;
  const startMs = io.now();
  const seed = action.seed ?? startMs % 1_000_000;
  const plan = planExam(examPool(bank.questions, seed), action.exam, format, seed);
  for (const [domain, missing] of Object.entries(plan.shortfalls)) {
    io.writeError(`trainer: the bank has ${missing} question(s) too few for the domain "${DOMAIN_TITLES[domain] ?? domain}"; other domains filled in.\n`);
  }
  if (plan.items.length === 0) return (io.writeError(`trainer: the bank has no single or multiple choice questions for ${action.exam}.\n`), 1);
  if (plan.items.length < format.questionCount) io.writeError(`trainer: the bank has only ${plan.items.length} questions for ${action.exam}; this exam has ${plan.items.length} instead of ${format.questionCount}.\n`);
  let state = startExam(action.exam, format, plan.items, startMs);
  if (output !== 'json') io.write(`${action.exam} mock exam: ${plan.items.length} questions, ${minutesText(format.timeLimitMs)}. No feedback until the end.\n${HELP}\n`);
  showCurrent(io, state, output);
  for (let turn = 0; turn < 100_000 && state.endReason === null; turn++) {
    const line = await io.readLine();
    const atLast = state.current === state.items.length - 1;
    const typed = line === undefined ? ({ type: 'submit' } as const) : examActionOf(line);
    const step = stepExam(state, typed, io.now());
    state = step.state;
    if (step.problem !== undefined && output !== 'json') io.write(`(${step.problem})\n`);
    if (state.endReason !== null) break;
    if (typed.type === 'answer' && step.problem === undefined) state = stepExam(state, { type: 'next' }, io.now()).state;
    const isPastEnd = atLast && (typed.type === 'answer' || typed.type === 'next') && step.problem === undefined;
    if (isPastEnd && output !== 'json') io.write(atEndText(state));
    else showCurrent(io, state, output);
  }
  const result = examResult(state)!;
  const repo = createLowdbRepository(io.progressDir);
  const saved = await repo.update(examRecord(state, result));
  if (!saved.ok) io.writeError(`trainer: the exam result was not saved: ${saved.problem.message}\n`);
  if (output === 'json') {
    const { grades, ...rest } = result;
    io.write(`${JSON.stringify({ type: 'exam-result', ...rest, isScaledScoreEstimate: true, questions: state.items.map((item, i) => ({ id: item.question.id, isCorrect: grades[i]!.isCorrect, expected: grades[i]!.expected })) })}\n`);
  } else {
    io.write(reportText(result, state));
  }
  return 0;
}
