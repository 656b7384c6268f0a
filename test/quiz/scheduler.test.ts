// Proves the FSRS wrapper: ratings from correctness and answer time, deterministic schedules for a
// given `nowMs` (no fuzz, no clock read), and card state that survives a round trip through the
// progress store (set-card, load) and keeps scheduling from where it was.
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../../src/progress/index.js';
import { FAST_ANSWER_MS, SLOW_ANSWER_MS, dueCardIds, newCard, parseSelfRating, ratingFor, schedule } from '../../src/quiz/index.js';

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2026, 0, 1);

describe('ratingFor', () => {
  it('maps wrong to again, fast to easy, slow to hard and the rest to good', () => {
    expect(ratingFor(false, 1_000)).toBe('again');
    expect(ratingFor(true, FAST_ANSWER_MS)).toBe('easy');
    expect(ratingFor(true, FAST_ANSWER_MS + 1)).toBe('good');
    expect(ratingFor(true, SLOW_ANSWER_MS)).toBe('hard');
  });
});

describe('parseSelfRating', () => {
  it('reads 1–4, the words and their prefixes; Enter keeps the derived rating; anything else is refused', () => {
    expect(['1', '2', '3', '4'].map((line) => parseSelfRating(line, 'good'))).toEqual(['again', 'hard', 'good', 'easy']);
    expect(['again', ' Hard ', 'g', 'EA'].map((line) => parseSelfRating(line, 'again'))).toEqual(['again', 'hard', 'good', 'easy']);
    expect(parseSelfRating('  ', 'hard')).toBe('hard');
    expect(['0', '5', '12', 'x', 'goodish'].map((line) => parseSelfRating(line, 'good'))).toEqual([null, null, null, null, null]);
  });
});

describe('schedule', () => {
  it('moves a new card to learning, then to review with a due date days ahead', () => {
    const first = schedule(undefined, 'good', START_MS);
    expect(first).toMatchObject({ state: 1, reps: 1, lapses: 0, last_review: START_MS });
    expect(first.due).toBeGreaterThan(START_MS);
    const second = schedule(first, 'good', first.due);
    expect(second.state).toBe(2);
    expect(second.due - first.due).toBeGreaterThanOrEqual(DAY_MS);
  });

  it('counts a lapse when a review card is answered wrong, and is deterministic', () => {
    const review = schedule(schedule(undefined, 'easy', START_MS), 'easy', START_MS + DAY_MS);
    const lapsed = schedule(review, 'again', review.due);
    expect(lapsed).toMatchObject({ state: 3, lapses: 1 });
    expect(schedule(review, 'again', review.due)).toEqual(lapsed);
  });

  it('lists due cards, most overdue first', () => {
    const cards = { a: { ...newCard(START_MS), due: START_MS + 5 }, b: { ...newCard(START_MS), due: START_MS + 1 }, c: { ...newCard(START_MS), due: START_MS + DAY_MS } };
    expect(dueCardIds(cards, START_MS + 10)).toEqual(['b', 'a']);
  });

  it('persists card state through the progress store and continues from the reloaded card', async () => {
    const repo = createMemoryRepository();
    const first = schedule(undefined, 'good', START_MS);
    expect((await repo.update({ type: 'set-card', cardId: 'dynamodb/rcu', card: first })).ok).toBe(true);
    const loaded = await repo.load();
    if (!loaded.ok) throw new Error('load failed');
    const reloaded = loaded.value.cards['dynamodb/rcu']!;
    expect(reloaded).toEqual(first);
    expect(schedule(reloaded, 'good', first.due)).toEqual(schedule(first, 'good', first.due));
  });
});
