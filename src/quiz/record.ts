// What an answered question or an ended exam records in the progress store, as plain change objects
// (shaped like the store's `ProgressChange`, which src/quiz does not import). The plain modes and the
// shell both record through these, so an answer saved in either mode looks the same.
import type { ExamResult, ExamState } from './session.js';
import type { AnsweredEvent } from './session.js';
import { schedule, type CardRecord, type SelfRating } from './scheduler.js';
import { cardIdOf } from './select.js';

/** Longest answer text kept per attempt (the store's MAX_ANSWER_CHARS). */
const MAX_ANSWER_CHARS = 200;

export interface AnswerRecord {
  readonly cardId: string;
  /** The card's next FSRS state. */
  readonly card: CardRecord;
  /** The attempt, then the card: what the progress store is asked to apply, in order. */
  readonly changes: readonly [
    { readonly type: 'record-attempt'; readonly attempt: { readonly itemId: string; readonly answer: string; readonly isCorrect: boolean; readonly durationMs: number; readonly atMs: number } },
    { readonly type: 'set-card'; readonly cardId: string; readonly card: CardRecord },
  ];
}

/** The attempt and the rescheduled card of one answer, rated `rating` (derived or the learner's own). */
export function answerRecord(cards: Readonly<Record<string, CardRecord>>, event: AnsweredEvent, rating: SelfRating): AnswerRecord {
  const cardId = cardIdOf(event.question);
  const card = schedule(cards[cardId], rating, event.atMs);
  const attempt = { itemId: cardId, answer: event.answerText.slice(0, MAX_ANSWER_CHARS), isCorrect: event.grade.isCorrect, durationMs: event.durationMs, atMs: event.atMs };
  return { cardId, card, changes: [{ type: 'record-attempt', attempt }, { type: 'set-card', cardId, card }] };
}

export interface ExamRecord {
  readonly type: 'record-exam';
  readonly exam: {
    readonly id: string;
    readonly finishedAtMs: number;
    readonly durationMs: number;
    readonly correct: number;
    readonly total: number;
    readonly domains: Readonly<Record<string, { readonly correct: number; readonly total: number }>>;
  };
}

/** The mock exam's result as the store keeps it: id `EXAM-startMs`, scored questions only, per domain. */
export function examRecord(state: ExamState, result: ExamResult): ExamRecord {
  const domains = Object.fromEntries(result.domains.map((d) => [d.domain, { correct: d.correct, total: d.total }]));
  const finishedAtMs = state.endedAtMs ?? state.startedAtMs + result.durationMs;
  return { type: 'record-exam', exam: { id: `${result.exam}-${state.startedAtMs}`, finishedAtMs, durationMs: result.durationMs, correct: result.correct, total: result.total, domains } };
}
