// How far the bank is from its targets (8 questions per topic, 200 in all). `coverage.yaml` lists
// every topic the bank must cover and which of them the authors declare complete; the content test
// holds complete topics to the target and prints the rest.
import { parse } from 'yaml';
import { z } from 'zod';
import type { Question } from './schema.js';

export const QUESTIONS_PER_TOPIC_TARGET = 8;
export const BANK_SIZE_TARGET = 200;

const coverageSchema = z.strictObject({
  formatVersion: z.literal(1),
  topics: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1), complete: z.boolean() })).min(1),
});
export type Coverage = z.infer<typeof coverageSchema>;

export function parseCoverage(text: string): Coverage {
  return coverageSchema.parse(parse(text));
}

export interface TopicCount {
  readonly topic: string;
  readonly title: string;
  readonly count: number;
  readonly isComplete: boolean;
  readonly shortfall: number;
}

export function topicCounts(questions: readonly Question[], coverage: Coverage): TopicCount[] {
  return coverage.topics.map(({ id, title, complete }) => {
    const count = questions.filter((question) => question.tags.topic === id).length;
    return { topic: id, title, count, isComplete: complete, shortfall: Math.max(0, QUESTIONS_PER_TOPIC_TARGET - count) };
  });
}
