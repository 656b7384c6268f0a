// The progress dashboard as plain data, computed from the progress store's data and the question bank
// (pure, tested without ink): mastery per service and exam domain, the streak and totals (from the
// store's own summary), reviews due by the end of today, the weakest topics, the mock exam history.
import { dayKeyOf, summarizeProgress, type ProgressData, type ProgressSummary } from '../../../progress/index.js';
import { EXAM_DOMAINS, EXAM_IDS, GENERATOR_FAMILIES, PASSING_SCALED, SERVICES, cardIdOf, domainsOf, scaledScoreEstimate, type Question } from '../../../quiz/index.js';

export interface MasteryRow {
  readonly label: string;
  readonly correct: number;
  readonly total: number;
  /** null when nothing was answered. */
  readonly percent: number | null;
}

export interface ExamRow {
  readonly day: string;
  readonly exam: string;
  readonly correct: number;
  readonly total: number;
  readonly percent: number;
  readonly scaledScore: number;
  readonly isPassed: boolean;
}

export interface DashboardModel {
  readonly summary: ProgressSummary;
  readonly dueToday: number;
  readonly services: readonly MasteryRow[];
  readonly domains: readonly MasteryRow[];
  readonly weakest: readonly MasteryRow[];
  /** Newest first. */
  readonly exams: readonly ExamRow[];
}

/** Topics shown as weakest, and how many answers a topic needs before it can be called weak. */
export const WEAKEST_COUNT = 3;
export const MIN_ANSWERS_FOR_WEAKNESS = 2;
export const EXAMS_SHOWN = 5;

type Tally = { correct: number; total: number };

/** Right and total answers per item id, kept one by one and rolled up. */
function tallies(data: ProgressData): Map<string, Tally> {
  const byItem = new Map<string, Tally>();
  const add = (itemId: string, correct: number, total: number): void => {
    const tally = byItem.get(itemId) ?? { correct: 0, total: 0 };
    byItem.set(itemId, { correct: tally.correct + correct, total: tally.total + total });
  };
  for (const [index, , correct] of data.attempts) add(data.items[index] ?? `#${index}`, correct, 1);
  for (const [itemId, rolled] of Object.entries(data.rolledUp)) add(itemId, rolled.correct, rolled.attempts);
  return byItem;
}

/** Questions by the item id their attempts carry; generated families are looked up only when answered. */
function questionsById(bank: readonly Question[], itemIds: Iterable<string>): Map<string, Question> {
  const byId = new Map(bank.map((question) => [cardIdOf(question), question]));
  for (const itemId of itemIds) {
    if (byId.has(itemId) || !itemId.startsWith('generated/')) continue;
    const family = GENERATOR_FAMILIES.find((candidate) => itemId === `generated/${candidate.id}`);
    if (family !== undefined) byId.set(itemId, family.generate(1).question);
  }
  return byId;
}

const rowOf = (label: string, tally: Tally | undefined): MasteryRow => {
  const { correct, total } = tally ?? { correct: 0, total: 0 };
  return { label, correct, total, percent: total === 0 ? null : Math.round((100 * correct) / total) };
};

/** "DVA Development", "SAA Cost": short enough for a column beside the services. */
function domainLabel(exam: string, domain: string): string {
  return `${exam.slice(0, 3)} ${domain.charAt(0).toUpperCase()}${domain.slice(1)}`;
}

function examRows(data: ProgressData): ExamRow[] {
  return [...data.exams]
    .sort((a, b) => b.finishedAtMs - a.finishedAtMs)
    .slice(0, EXAMS_SHOWN)
    .map((exam) => {
      const scaledScore = scaledScoreEstimate(exam.correct, exam.total);
      const percent = exam.total === 0 ? 0 : Math.round((100 * exam.correct) / exam.total);
      return { day: dayKeyOf(exam.finishedAtMs), exam: exam.id.replace(/-\d+$/, ''), correct: exam.correct, total: exam.total, percent, scaledScore, isPassed: scaledScore >= PASSING_SCALED };
    });
}

/** `endOfTodayMs`: the end of the learner's local day (the caller reads the time zone). */
export function dashboardModel(data: ProgressData, bank: readonly Question[], nowMs: number, endOfTodayMs: number): DashboardModel {
  const byItem = tallies(data);
  const questions = questionsById(bank, byItem.keys());
  const group = (keysOf: (question: Question) => readonly string[]): Map<string, Tally> => {
    const groups = new Map<string, Tally>();
    for (const [itemId, tally] of byItem) {
      const question = questions.get(itemId);
      for (const key of question === undefined ? [] : keysOf(question)) {
        const sum = groups.get(key) ?? { correct: 0, total: 0 };
        groups.set(key, { correct: sum.correct + tally.correct, total: sum.total + tally.total });
      }
    }
    return groups;
  };
  const byService = group((question) => [question.tags.service]);
  const byDomain = group((question) => domainsOf(question).map(({ exam, domain }) => `${exam}:${domain}`));
  const byTopic = group((question) => [question.tags.topic]);
  const weakest = [...byTopic]
    .map(([topic, tally]) => rowOf(topic, tally))
    .filter((row) => row.total >= MIN_ANSWERS_FOR_WEAKNESS && row.correct < row.total)
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0) || b.total - a.total || a.label.localeCompare(b.label))
    .slice(0, WEAKEST_COUNT);
  return {
    summary: summarizeProgress(data, nowMs),
    dueToday: Object.values(data.cards).filter((card) => card.due <= endOfTodayMs).length,
    services: SERVICES.map((service) => rowOf(service, byService.get(service))),
    domains: EXAM_IDS.flatMap((exam) => EXAM_DOMAINS[exam].map((domain) => rowOf(domainLabel(exam, domain), byDomain.get(`${exam}:${domain}`)))),
    weakest,
    exams: examRows(data),
  };
}
