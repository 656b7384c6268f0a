// FSRS scheduling through ts-fsrs, with the time passed in (`nowMs`), never read. Cards are plain
// numbers (times in epoch ms), the shape the progress store keeps, so src/quiz does not import it.
import { Rating, createEmptyCard, fsrs, generatorParameters, type Card, type Grade as FsrsGrade } from 'ts-fsrs';

/** A card's FSRS state as plain data (the progress store's CardState has the same fields). */
export interface CardRecord {
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
  readonly state: number;
  readonly last_review: number | null;
}

export type SelfRating = 'again' | 'hard' | 'good' | 'easy';

/** Answers at most this fast count as easy recall; above the slow mark, as hard. */
export const FAST_ANSWER_MS = 20_000;
export const SLOW_ANSWER_MS = 60_000;

// No fuzz: the same answers at the same times give the same due dates (testable, reproducible).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const RATINGS: Record<SelfRating, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** Wrong → again; right and fast → easy; right → good; right but slow → hard. */
export function ratingFor(isCorrect: boolean, durationMs: number): SelfRating {
  if (!isCorrect) return 'again';
  if (durationMs <= FAST_ANSWER_MS) return 'easy';
  return durationMs >= SLOW_ANSWER_MS ? 'hard' : 'good';
}

const SELF_RATINGS: readonly SelfRating[] = ['again', 'hard', 'good', 'easy'];

/**
 * The learner's own rating typed after feedback: 1–4 or a word (a prefix will do: "e" is easy); an
 * empty line keeps the rating derived from the answer. `null` for anything else.
 */
export function parseSelfRating(line: string, derived: SelfRating): SelfRating | null {
  const text = line.trim().toLowerCase();
  if (text === '') return derived;
  const byNumber = SELF_RATINGS[Number(text) - 1];
  if (/^[1-4]$/.test(text) && byNumber !== undefined) return byNumber;
  return SELF_RATINGS.find((rating) => rating.startsWith(text)) ?? null;
}

function toCard(record: CardRecord): Card {
  return { ...record, due: new Date(record.due), last_review: record.last_review === null ? undefined : new Date(record.last_review) } as Card;
}

function toRecord(card: Card): CardRecord {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review === undefined ? null : card.last_review.getTime(),
  };
}

export function newCard(nowMs: number): CardRecord {
  return toRecord(createEmptyCard(new Date(nowMs)));
}

/** The card after one review at `nowMs` with `rating` (a new card when `card` is undefined). */
export function schedule(card: CardRecord | undefined, rating: SelfRating, nowMs: number): CardRecord {
  const current = toCard(card ?? newCard(nowMs));
  return toRecord(scheduler.next(current, new Date(nowMs), RATINGS[rating]).card);
}

/** Ids of cards due at `nowMs`, most overdue first. */
export function dueCardIds(cards: Readonly<Record<string, CardRecord>>, nowMs: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => card.due <= nowMs)
    .sort(([a, left], [b, right]) => left.due - right.due || a.localeCompare(b))
    .map(([id]) => id);
}
