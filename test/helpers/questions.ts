// Small questions for quiz tests, one of each kind, built in code (the parser is tested separately).
import type { Question, QuestionTags } from '../../src/quiz/index.js';

const base = (id: string, tags: Partial<QuestionTags> = {}) => ({
  id,
  stem: `Stem of ${id}`,
  explanation: 'Because.',
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html'],
  facts: ['DDB-01'],
  tags: { service: 'dynamodb', topic: 'dynamodb-capacity', exams: { 'DVA-C02': 'development' }, difficulty: 'easy', ...tags } as QuestionTags,
});

const choice = (text: string, correct = false) => ({ text, correct, why: `why ${text}` });

export function singleQuestion(id = 'test/single', tags: Partial<QuestionTags> = {}): Question {
  return { ...base(id, tags), type: 'single', choices: [choice('w1'), choice('right', true), choice('w2'), choice('w3')] };
}

export function multipleQuestion(id = 'test/multiple', tags: Partial<QuestionTags> = {}): Question {
  return { ...base(id, tags), type: 'multiple', choices: [choice('r1', true), choice('w1'), choice('r2', true), choice('w2'), choice('w3')] };
}

export function numericQuestion(id = 'test/numeric'): Question {
  return { ...base(id), type: 'numeric', answer: 18.74, tolerance: 0.01, unit: 'USD' };
}

export function orderingQuestion(id = 'test/ordering'): Question {
  return { ...base(id), type: 'ordering', steps: ['first', 'second', 'third', 'fourth'] };
}
