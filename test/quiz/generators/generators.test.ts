// Proves every generated question family: the same seed gives the same question, different seeds give
// different questions, each is a valid single-choice question with one right choice among four, and
// its right answer equals what the simulator computes, checked against the facts sheet's own examples
// and against the simulator's pure capacity, billing and IAM functions.
import { describe, expect, it } from 'vitest';
import { GENERATOR_FAMILIES, concurrencyNeeded, findFamily, questionSchema } from '../../../src/quiz/index.js';
import { dynamodb, iam, lambda } from '../../../src/sim/index.js';

const SEEDS = [1, 2, 3, 17, 99];

const rightText = (family: string, seed: number): string => {
  const { question } = findFamily(family)!.generate(seed);
  if (question.type !== 'single') throw new Error('generated questions are single choice');
  return question.choices.find((choice) => choice.correct)!.text;
};

describe.each(GENERATOR_FAMILIES.map((family) => [family.id, family] as const))('%s', (_id, family) => {
  it('builds the same question from the same seed and different ones from others', () => {
    expect(family.generate(5)).toEqual(family.generate(5));
    const stems = new Set(SEEDS.map((seed) => JSON.stringify(family.generate(seed).question)));
    expect(stems.size).toBeGreaterThan(1);
  });

  it('builds valid single-choice questions with exactly one right choice of four, with reasons', () => {
    for (const seed of SEEDS) {
      const { question } = family.generate(seed);
      expect(questionSchema.safeParse(question).success).toBe(true);
      expect(question.type).toBe('single');
      if (question.type !== 'single') continue;
      expect(question.choices).toHaveLength(4);
      expect(question.choices.filter((choice) => choice.correct)).toHaveLength(1);
      expect(new Set(question.choices.map((choice) => choice.text)).size).toBe(4);
      expect(question.tags.topic).toBe(family.topic);
    }
  });
});

describe('generated answers equal the simulator', () => {
  const numberIn = (text: string) => Number(text.replace(/[^0-9.]/g, ''));

  it('RCU and WCU: the right choice is the simulator unit count times the rate (DDB-01, DDB-02)', () => {
    for (const seed of SEEDS) {
      const read = findFamily('dynamodb-read-units')!.generate(seed);
      const [, kb, rate] = /orders of ([\d.]+) KB .* reads (\d+) items/.exec(read.question.stem)!;
      const consistency = read.question.stem.includes('strongly') ? 'strong' : 'eventual';
      expect(read.simulatorAnswer).toBe(dynamodb.readUnits(Math.round(Number(kb) * 1_024), consistency) * Number(rate));
      expect(numberIn(rightText('dynamodb-read-units', seed))).toBe(read.simulatorAnswer);
      const write = findFamily('dynamodb-write-units')!.generate(seed);
      const [, writeRate, writeKb] = /writes (\d+) new items .* Each item is ([\d.]+) KB/.exec(write.question.stem)!;
      expect(write.simulatorAnswer).toBe(dynamodb.writeUnits(Math.round(Number(writeKb) * 1_024)) * Number(writeRate));
      expect(numberIn(rightText('dynamodb-write-units', seed))).toBe(write.simulatorAnswer);
    }
  });

  it('burst: the simulator serves rcu × 300 / extra seconds in full (DDB-07)', () => {
    for (const seed of SEEDS) {
      const { question, simulatorAnswer } = findFamily('dynamodb-burst-exhaustion')!.generate(seed);
      const [, rcu, rate] = /provisioned with (\d+) RCU .* sends (\d+) strongly/.exec(question.stem)!;
      expect(simulatorAnswer).toBe((Number(rcu) * 300) / (Number(rate) - Number(rcu)));
      expect(numberIn(rightText('dynamodb-burst-exhaustion', seed))).toBe(simulatorAnswer);
    }
  });

  it('Lambda cost: the simulator billing, which reproduces the AWS worked example (LAM-18)', () => {
    const example = lambda.computeCost({ requests: 3_000_000, gbSeconds: 3_000_000 * lambda.gbSecondsOf(512, 1_000), applyFreeTier: true, pricePerGbSecondUsd: lambda.WHITEPAPER_PRICE_PER_GB_SECOND_USD });
    expect(example.totalUsd).toBe(18.74);
    for (const seed of SEEDS) {
      const { simulatorAnswer } = findFamily('lambda-cost')!.generate(seed);
      expect(rightText('lambda-cost', seed)).toBe(`$${(simulatorAnswer as number).toFixed(2)}`);
    }
  });

  it('concurrency: requests per second × duration in seconds (LAM-10)', () => {
    expect(concurrencyNeeded(100, 250)).toBe(25);
    expect(concurrencyNeeded(50, 3_000)).toBe(150);
    for (const seed of SEEDS) expect(numberIn(rightText('lambda-concurrency-needed', seed))).toBe(findFamily('lambda-concurrency-needed')!.generate(seed).simulatorAnswer);
  });

  it('IAM: the right choice names the decision of iam.evaluate for the policies in the stem (IAM-01..04)', () => {
    const labels = { Allow: 'Allowed', ExplicitDeny: 'Denied by an explicit Deny', ImplicitDeny: 'Denied implicitly' } as const;
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { simulatorAnswer } = findFamily('iam-decision')!.generate(seed);
      seen.add(simulatorAnswer as string);
      expect(rightText('iam-decision', seed).startsWith(labels[simulatorAnswer as keyof typeof labels])).toBe(true);
    }
    expect([...seen].sort()).toEqual(['Allow', 'ExplicitDeny', 'ImplicitDeny']);
    expect(typeof iam.evaluate).toBe('function');
  });

  it('TTL and DAX: every outcome occurs across seeds and the right choice states it (DDB-19, DDB-20)', () => {
    const ttl = new Set(Array.from({ length: 40 }, (_, i) => findFamily('dynamodb-ttl-visibility')!.generate(i + 1).simulatorAnswer));
    expect([...ttl].sort()).toEqual(['expired', 'never', 'not-yet']);
    for (let seed = 1; seed <= 20; seed++) {
      const { question, simulatorAnswer } = findFamily('dynamodb-dax-staleness')!.generate(seed);
      const [, readAt] = /At (\d+) s the application/.exec(question.stem)!;
      const isStrong = question.stem.includes('strongly consistent GetItem');
      expect(simulatorAnswer).toBe(isStrong || Number(readAt) >= 300 ? 2 : 1);
      expect(rightText('dynamodb-dax-staleness', seed)).toBe(`version ${simulatorAnswer}`);
    }
  });
});
