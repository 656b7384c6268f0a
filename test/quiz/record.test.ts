// Proves what an answer and an exam record in the progress store, the one record both the plain modes
// and the shell use: the attempt (answer cut to 200 characters) and the rescheduled card, keyed by
// the card id (generated questions share their family's), and the exam's scored totals per domain.
import { describe, expect, it } from 'vitest';
import { answerRecord, examRecord, examResult, gradeAnswer, schedule, startExam, stepExam, QUICK_EXAM, type AnsweredEvent } from '../../src/quiz/index.js';
import { singleQuestion } from '../helpers/questions.js';

const AT_MS = Date.UTC(2026, 10, 25, 9, 0, 0);

function answered(id: string, answerText: string): AnsweredEvent {
  const question = singleQuestion(id);
  const grade = gradeAnswer(question, { kind: 'choices', letters: [answerText.slice(0, 1)] });
  return { type: 'question-answered', question, answerText, grade, durationMs: 12_000, atMs: AT_MS, rating: 'easy' };
}

describe('answerRecord', () => {
  it('records the attempt and the card rescheduled with the rating given', () => {
    const record = answerRecord({}, answered('test/single', 'b'), 'good');
    expect(record.cardId).toBe('test/single');
    expect(record.card).toEqual(schedule(undefined, 'good', AT_MS));
    expect(record.changes).toEqual([
      { type: 'record-attempt', attempt: { itemId: 'test/single', answer: 'b', isCorrect: true, durationMs: 12_000, atMs: AT_MS } },
      { type: 'set-card', cardId: 'test/single', card: record.card },
    ]);
  });

  it('keys a generated question by its family and cuts long answers to 200 characters', () => {
    const record = answerRecord({}, answered('generated/dynamodb-read-units-42', `a${'x'.repeat(300)}`), 'again');
    expect(record.cardId).toBe('generated/dynamodb-read-units');
    expect(record.changes[0].attempt.answer).toHaveLength(200);
  });
});

describe('examRecord', () => {
  it('keeps the exam id with its start time, the scored totals and each domain', () => {
    const items = [0, 1, 2].map((n) => ({ question: singleQuestion(`test/q${n}`), domain: 'development', isScored: n !== 2 }));
    let state = startExam('DVA-C02', QUICK_EXAM, items, AT_MS);
    state = stepExam(state, { type: 'answer', line: 'b' }, AT_MS + 1_000).state;
    state = stepExam(state, { type: 'submit' }, AT_MS + 5_000).state;
    const record = examRecord(state, examResult(state)!);
    expect(record).toEqual({
      type: 'record-exam',
      exam: { id: `DVA-C02-${AT_MS}`, finishedAtMs: AT_MS + 5_000, durationMs: 5_000, correct: 1, total: 2, domains: { development: { correct: 1, total: 2 }, security: { correct: 0, total: 0 }, deployment: { correct: 0, total: 0 }, troubleshooting: { correct: 0, total: 0 } } },
    });
  });
});
