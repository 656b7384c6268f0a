// The shape of the progress file (version 2, the current one) and of the changes other layers record.
// Types come from the zod schemas; inside the program they are plain data. Ids are the stable slugs of
// questions, cards, scenarios and steps (`q:dynamodb-rcu-001`, `dynamodb/throttling-provisioned`):
// records are keyed by them and ids the program does not know are kept as they are.
import { z } from 'zod';

export const CURRENT_VERSION = 2;

/** Longest answer text kept per attempt; longer answers are cut, so one attempt stays small. */
export const MAX_ANSWER_CHARS = 200;
/** How many attempts are kept one by one; older ones live on only in `rolledUp` (see docs/progress.md). */
export const MAX_KEPT_ATTEMPTS = 100_000;
/** How many mock exam results are kept (the oldest go first). */
export const MAX_KEPT_EXAMS = 1_000;

const count = z.number().int().nonnegative();
const timeMs = z.number().int().nonnegative();

/** The fields ts-fsrs keeps per card, as plain numbers; times are epoch milliseconds. */
export const cardStateSchema = z.object({
  due: timeMs,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsed_days: z.number().nonnegative(),
  scheduled_days: z.number().nonnegative(),
  learning_steps: count,
  reps: count,
  lapses: count,
  /** ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: z.number().int().min(0).max(3),
  last_review: timeMs.nullable(),
});

/**
 * One attempt as a compact tuple: [item index in `items`, answer given, 1 if correct else 0, time taken
 * in ms, when (epoch ms)]. A tuple instead of an object keeps 100,000 attempts near 3 MiB.
 */
export type AttemptTuple = [itemIndex: number, answer: string, correct: 0 | 1, durationMs: number, atMs: number];

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** What is wrong with one tuple: [position in the tuple, what was expected there], or undefined. */
function attemptTupleProblem(value: unknown): [number | undefined, string] | undefined {
  if (!Array.isArray(value) || value.length !== 5) return [undefined, 'a list of 5: [item index, answer, 0 or 1, duration ms, time ms]'];
  const [index, answer, correct, durationMs, atMs] = value as unknown[];
  if (!isCount(index)) return [0, 'an item index (whole number ≥ 0)'];
  if (typeof answer !== 'string' || answer.length > MAX_ANSWER_CHARS) return [1, `string of at most ${MAX_ANSWER_CHARS} characters`];
  if (correct !== 0 && correct !== 1) return [2, '0 or 1'];
  if (!isCount(durationMs)) return [3, 'a duration in ms (whole number ≥ 0)'];
  if (!isCount(atMs)) return [4, 'a time in epoch ms (whole number ≥ 0)'];
  return undefined;
}

/**
 * The attempts list, checked by a plain loop rather than a zod tuple per attempt: zod took ~160 ms for
 * 100,000 tuples, the loop takes a few, and compaction reads the whole file every 256 writes.
 */
export const attemptsSchema = z.array(z.unknown()).check((ctx) => {
  for (const [i, value] of ctx.value.entries()) {
    const problem = attemptTupleProblem(value);
    if (problem === undefined) continue;
    const [position, expected] = problem;
    const input = position === undefined ? value : (value as unknown[])[position];
    ctx.issues.push({ code: 'custom', path: position === undefined ? [i] : [i, position], message: expected, input });
    if (ctx.issues.length >= 20) return;
  }
}) as unknown as z.ZodType<AttemptTuple[]>;

/** Totals of attempts that were dropped from the one-by-one history because it was full. */
export const rolledUpSchema = z.object({
  attempts: count,
  correct: count,
  durationMs: count,
  firstAtMs: timeMs,
  lastAtMs: timeMs,
});

export const scenarioProgressSchema = z.object({
  stepsDone: z.array(z.string()),
  predictionsRight: count,
  predictionsTotal: count,
  completedAtMs: timeMs.nullable(),
  /** When a step was last recorded (the home screen's "Continue" line); absent in files written before it existed. */
  lastActiveAtMs: timeMs.optional(),
});

export const domainScoreSchema = z.object({ correct: count, total: count });

export const examResultSchema = z.object({
  id: z.string().min(1),
  finishedAtMs: timeMs,
  durationMs: count,
  correct: count,
  total: count,
  domains: z.record(z.string(), domainScoreSchema),
});

export const settingValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const progressSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  /** The last journal entry already folded into this file (see lowdb-repository.ts). */
  journalSeq: count,
  /** Item ids (question ids, scenario step ids) that attempts refer to by index. */
  items: z.array(z.string()),
  attempts: attemptsSchema,
  rolledUp: z.record(z.string(), rolledUpSchema),
  cards: z.record(z.string(), cardStateSchema),
  scenarios: z.record(z.string(), scenarioProgressSchema),
  exams: z.array(examResultSchema),
  settings: z.record(z.string(), settingValueSchema),
  /** Local calendar days (YYYY-MM-DD) with at least one attempt, sorted. */
  streakDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});

export type CardState = z.infer<typeof cardStateSchema>;
export type RolledUp = z.infer<typeof rolledUpSchema>;
export type ScenarioProgress = z.infer<typeof scenarioProgressSchema>;
export type ExamResult = z.infer<typeof examResultSchema>;
export type SettingValue = z.infer<typeof settingValueSchema>;
export type ProgressData = z.infer<typeof progressSchema>;

export const attemptSchema = z.object({
  itemId: z.string().min(1),
  answer: z.string(),
  isCorrect: z.boolean(),
  durationMs: count,
  atMs: timeMs,
});
export type Attempt = z.infer<typeof attemptSchema>;

/** What other layers record. Each change is data, so it can be journaled and replayed. */
export const progressChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('record-attempt'), attempt: attemptSchema }),
  z.object({ type: z.literal('set-card'), cardId: z.string().min(1), card: cardStateSchema }),
  z.object({
    type: z.literal('record-scenario-step'),
    scenarioId: z.string().min(1),
    stepId: z.string().min(1),
    prediction: z.enum(['right', 'wrong', 'none']),
    atMs: timeMs,
  }),
  z.object({ type: z.literal('complete-scenario'), scenarioId: z.string().min(1), atMs: timeMs }),
  z.object({ type: z.literal('record-exam'), exam: examResultSchema }),
  z.object({ type: z.literal('set-setting'), key: z.string().min(1), value: settingValueSchema }),
  z.object({ type: z.literal('merge'), data: progressSchema }),
]);
export type ProgressChange = z.infer<typeof progressChangeSchema>;

export function emptyProgress(): ProgressData {
  return {
    version: CURRENT_VERSION,
    journalSeq: 0,
    items: [],
    attempts: [],
    rolledUp: {},
    cards: {},
    scenarios: {},
    exams: [],
    settings: {},
    streakDays: [],
  };
}
