// Proves every generator family builds a well-formed question for any seed, not only the seeds the
// other tests use: four distinct choices, exactly one right. A seed whose distractors collided with the
// answer once crashed `trainer review` (the seed comes from the card id, so it is effectively random).
import { describe, expect, it } from 'vitest';
import { GENERATOR_FAMILIES } from '../../../src/quiz/generators/index.js';

const SEEDS = 200;

describe.each(GENERATOR_FAMILIES.map((family) => [family.id, family] as const))('generator family %s', (_id, family) => {
  it(`builds a single-choice question with four distinct choices for ${SEEDS} consecutive seeds`, () => {
    const broken: string[] = [];
    for (let seed = 0; seed < SEEDS; seed++) {
      try {
        const { question } = family.generate(seed * 7_919 + 13);
        if (question.type !== 'single') throw new Error(`type ${question.type}`);
        const texts = new Set(question.choices.map((choice) => choice.text));
        if (texts.size !== 4 || question.choices.filter((choice) => choice.correct).length !== 1) throw new Error('choices not 4 distinct with 1 right');
      } catch (error) {
        broken.push(`seed ${seed * 7_919 + 13}: ${String(error)}`);
      }
    }
    expect(broken.slice(0, 5)).toEqual([]);
  });
});
