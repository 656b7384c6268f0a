// Shared by the generator families: a seeded random stream per family and seed, and a single-choice
// question built from a right answer and distractors, each with the reason it is right or wrong.
import { Rng, createWorld, dynamodb, type RandomStream, type Result, type World } from '../../sim/index.js';
import { formatNumber } from '../placeholders.js';
import type { Question, QuestionTags } from '../schema.js';

export interface Option {
  readonly text: string;
  readonly why: string;
}

export interface GeneratedSpec {
  readonly id: string;
  readonly stem: string;
  readonly right: Option;
  /** At least three; entries whose text equals the right answer (or an earlier one) are dropped. */
  readonly wrong: readonly Option[];
  readonly explanation: string;
  readonly references: readonly string[];
  readonly facts: readonly string[];
  readonly tags: QuestionTags;
}

export interface GeneratedQuestion {
  readonly question: Question;
  /** What the simulator computed, for tests that compare it with the right choice. */
  readonly simulatorAnswer: number | string;
}

export interface GeneratorFamily {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  generate(seed: number): GeneratedQuestion;
}

/** What a family states once: its identity, tags and sources. */
export interface FamilySpec {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly service: QuestionTags['service'];
  readonly exams: QuestionTags['exams'];
  readonly difficulty: QuestionTags['difficulty'];
  readonly references: readonly string[];
  readonly facts: readonly string[];
  /** Draws the scenario from the family's stream, runs the simulator, and words the question. */
  build(stream: RandomStream, seed: number): BuiltQuestion;
}

export interface BuiltQuestion {
  readonly stem: string;
  readonly right: Option;
  readonly wrong: readonly Option[];
  readonly explanation: string;
  readonly simulatorAnswer: number | string;
}

/** A family from its spec: `generate(seed)` runs `build` on the stream `quiz.<id>` of that seed. */
export function defineFamily(spec: FamilySpec): GeneratorFamily {
  return {
    id: spec.id,
    topic: spec.topic,
    title: spec.title,
    generate(seed) {
      const stream = streamFor(spec.id, seed);
      const { simulatorAnswer, ...text } = spec.build(stream, seed);
      const tags = { service: spec.service, topic: spec.topic, exams: spec.exams, difficulty: spec.difficulty };
      const question = singleChoice({ ...text, id: `generated/${spec.id}-${seed}`, references: spec.references, facts: spec.facts, tags }, stream);
      return { question, simulatorAnswer };
    },
  };
}

export function streamFor(family: string, seed: number): RandomStream {
  return new Rng(seed).stream(`quiz.${family}`);
}

export function pick<T>(stream: RandomStream, items: readonly T[]): T {
  return items[stream.nextInt(items.length)]!;
}

/** A seeded Fisher-Yates shuffle (a copy), for families with more distractors than a question shows. */
export function shuffled<T>(stream: RandomStream, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = stream.nextInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Four choices in a seeded order: the right one and the first three distinct distractors. */
export function singleChoice(spec: GeneratedSpec, stream: RandomStream): Question {
  const seen = new Set([spec.right.text]);
  const wrong = spec.wrong.filter((option) => !seen.has(option.text) && (seen.add(option.text), true)).slice(0, 3);
  if (wrong.length < 3) throw new Error(`generator ${spec.id} built fewer than 3 distinct distractors`);
  const choices = [{ ...spec.right, correct: true }, ...wrong.map((option) => ({ ...option, correct: false }))];
  const rightAt = stream.nextInt(choices.length);
  [choices[0], choices[rightAt]] = [choices[rightAt]!, choices[0]!];
  return {
    type: 'single',
    id: spec.id,
    stem: spec.stem,
    choices,
    explanation: spec.explanation,
    references: [...spec.references],
    facts: [...spec.facts],
    tags: spec.tags,
  };
}

export const units = (value: number, unit: string): string => `${formatNumber(value)} ${unit}`;

// ---- running DynamoDB in a fresh world ----

export const GENERATOR_START_MS = Date.UTC(2026, 0, 1);

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`the simulator refused a generator's request: ${result.error.name}: ${result.error.message}`);
  return result.value;
}

/** A world with one provisioned table `Orders` keyed by `pk` (S). */
export function worldWithTable(seed: number, rcu: number, wcu: number): World {
  const world = createWorld({ seed, startTimeMs: GENERATOR_START_MS });
  unwrap(
    dynamodb.createTable(world, {
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      ProvisionedThroughput: { ReadCapacityUnits: rcu, WriteCapacityUnits: wcu },
    }),
  );
  return world;
}

/** An item of exactly `sizeBytes` under DDB-03 sizing (attribute names + values). */
export function itemOfSize(pk: string, sizeBytes: number): Record<string, { S: string }> {
  return { pk: { S: pk }, data: { S: 'x'.repeat(sizeBytes - 'pk'.length - pk.length - 'data'.length) } };
}

export function consumedUnits(response: Readonly<Record<string, unknown>>): number {
  const consumed = response['ConsumedCapacity'] as { CapacityUnits?: number } | undefined;
  if (consumed?.CapacityUnits === undefined) throw new Error('the simulator returned no ConsumedCapacity');
  return consumed.CapacityUnits;
}
