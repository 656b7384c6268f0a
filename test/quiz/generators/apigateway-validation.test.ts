// Proves the request validation family (APIGW-09) against hand-worked cases: a validator checks only what
// it is set to check, required parameters are reported before the body, JSON types are not converted,
// ranges and additionalProperties false are enforced, and the right choice states the simulator's outcome.
import { describe, expect, it } from 'vitest';
import { findFamily } from '../../../src/quiz/index.js';
import { validationOutcome, type ValidationCase, type ValidationOutcome } from '../../../src/quiz/generators/apigateway-validation.js';

const SEEDS = Array.from({ length: 16 }, (_, index) => index * 29 + 3);
const base: ValidationCase = { required: ['item', 'quantity'], closed: false, validator: 'both', sendsStore: true, item: 'tea', quantity: 2, extra: false };

describe('request validation outcome (APIGW-09)', () => {
  it.each<[string, Partial<ValidationCase>, ValidationOutcome]>([
    ['a good request passes', {}, 'passes'],
    ['a missing required parameter', { sendsStore: false }, 'parameters'],
    ['a missing parameter with a body-only validator passes', { sendsStore: false, validator: 'body' }, 'passes'],
    ['"2" is not an integer', { quantity: '2' }, 'body'],
    ['0 is below the minimum of 1', { quantity: 0 }, 'body'],
    ['a missing required property', { item: 'absent' }, 'body'],
    ['a missing property that is not required passes', { item: 'absent', required: ['quantity'] }, 'passes'],
    ['a number where a string is wanted', { item: 7 }, 'body'],
    ['a bad body with a parameters-only validator passes', { item: 7, validator: 'params' }, 'passes'],
    ['an extra property passes an open model', { extra: true }, 'passes'],
    ['an extra property fails a closed model', { extra: true, closed: true }, 'body'],
    ['both wrong: the parameters are reported', { sendsStore: false, item: 7 }, 'parameters'],
  ])('%s → %s', (_name, change, outcome) => {
    expect(validationOutcome({ ...base, ...change }, 1)).toBe(outcome);
  });

  it('states the simulator outcome as the right choice, and every outcome occurs', () => {
    const family = findFamily('apigateway-validation-outcome')!;
    const rightTexts: Record<string, string> = { passes: '200: the request reaches the integration', parameters: '400 {"message":"Missing required request parameters: [store]"}', body: '400 {"message":"Invalid request body"}' };
    const outcomes = new Set<number | string>();
    for (const seed of SEEDS) {
      const { question, simulatorAnswer } = family.generate(seed);
      if (question.type !== 'single') throw new Error('single choice expected');
      expect(question.choices.find((choice) => choice.correct)?.text).toBe(rightTexts[String(simulatorAnswer)]);
      outcomes.add(simulatorAnswer);
    }
    expect([...outcomes].sort()).toEqual(['body', 'parameters', 'passes']);
  });
});
