// Which questions a practice or review session asks, given the learner's cards. Pure and seeded.
import { Rng } from '../sim/index.js';
import { shuffled } from './exam-format.js';
import { GENERATOR_FAMILIES } from './generators/index.js';
import type { CardRecord } from './scheduler.js';
import type { Question } from './schema.js';

/** Generated questions share one card per family: `generated/dynamodb-read-units-42` → `generated/dynamodb-read-units`. */
export function cardIdOf(question: Question): string {
  return question.id.startsWith('generated/') ? question.id.replace(/-\d+$/, '') : question.id;
}

/** The bank plus one fresh generated question per family (seeded), optionally for one topic. */
export function practicePool(bank: readonly Question[], topic: string | null, seed: number): Question[] {
  const generated = GENERATOR_FAMILIES.filter((family) => topic === null || family.topic === topic).map((family) => family.generate(seed).question);
  return [...bank.filter((question) => topic === null || question.tags.topic === topic), ...generated];
}

/**
 * Practice order: cards that are due (most overdue first), then questions never seen (shuffled), then
 * the rest by how soon they fall due. At most `count`.
 */
export function selectPractice(pool: readonly Question[], cards: Readonly<Record<string, CardRecord>>, count: number, nowMs: number, seed: number): Question[] {
  const cardOf = (question: Question) => cards[cardIdOf(question)];
  const due = pool.filter((q) => (cardOf(q)?.due ?? Infinity) <= nowMs).sort((a, b) => cardOf(a)!.due - cardOf(b)!.due);
  const unseen = shuffled(pool.filter((q) => cardOf(q) === undefined), new Rng(seed), 'quiz.unseen');
  const later = pool.filter((q) => (cardOf(q)?.due ?? -Infinity) > nowMs).sort((a, b) => cardOf(a)!.due - cardOf(b)!.due);
  return [...due, ...unseen, ...later].slice(0, count);
}

/** Review: only questions whose card is due, most overdue first. */
export function selectReview(pool: readonly Question[], cards: Readonly<Record<string, CardRecord>>, count: number, nowMs: number): Question[] {
  return pool
    .filter((question) => (cards[cardIdOf(question)]?.due ?? Infinity) <= nowMs)
    .sort((a, b) => cards[cardIdOf(a)]!.due - cards[cardIdOf(b)]!.due)
    .slice(0, count);
}

/** Generated questions per family added to the exam pool (their answers come from the simulator). */
const GENERATED_PER_FAMILY = 3;

/** The mock exam's pool: the bank plus a few generated questions of every family (seeded). */
export function examPool(bank: readonly Question[], seed: number): Question[] {
  const generated = GENERATOR_FAMILIES.flatMap((family) => Array.from({ length: GENERATED_PER_FAMILY }, (_, i) => family.generate(seed + i).question));
  return [...bank, ...generated];
}
