// Proves the runner screen's view of the transcript: **bold** terms, the current step only, long
// output cut with a count, word wrapping that never exceeds the width, the newest lines kept when a
// step is taller than the screen, and the prediction score counting a retried step once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../../../src/scenarios/index.js';
import { boldSegments, currentStepEntries, predictionScore, transcriptLines, wrapLine, MAX_OUTPUT_LINES } from '../../../../src/repl/screens/scenario-run/transcript-lines.js';

const textOf = (line: readonly { text: string }[]) => line.map((s) => s.text).join('');
const reference = { fact: 'DDB-02', url: 'https://docs.aws.amazon.com/x' };

describe('the runner transcript view', () => {
  it('marks **bold** terms', () => {
    expect(boldSegments('The table **Orders** has **10 WCU**.')).toEqual([
      { text: 'The table ' }, { text: 'Orders', isBold: true }, { text: ' has ' }, { text: '10 WCU', isBold: true }, { text: '.' },
    ]);
  });

  it('keeps only the current step, and setup commands only when they failed', () => {
    const entries: TranscriptEntry[] = [
      { type: 'command', line: 'aws ok', ok: true, text: '{}', isSetup: true },
      { type: 'step', stepId: 'a', kind: 'say', index: 0, count: 2 },
      { type: 'narration', text: 'first' },
      { type: 'step', stepId: 'b', kind: 'say', index: 1, count: 2 },
      { type: 'narration', text: 'second' },
    ];
    expect(currentStepEntries(entries)).toEqual([{ type: 'narration', text: 'second' }]);
  });

  it('cuts long command output and says how much is hidden', () => {
    const text = Array.from({ length: MAX_OUTPUT_LINES + 3 }, (_, i) => `line ${i}`).join('\n');
    const lines = transcriptLines([{ type: 'command', line: 'sim show table T', ok: true, text, isSetup: false }]).map(textOf);
    expect(lines[0]).toBe('$ sim show table T');
    expect(lines).toHaveLength(MAX_OUTPUT_LINES + 2);
    expect(lines.at(-1)).toBe('… 3 more lines');
  });

  it('words the grade with ✓/✗ and the lettered choices', () => {
    const question: TranscriptEntry = { type: 'question', stepId: 'q', question: 'How many?', choices: ['0', '2'] };
    const wrong = transcriptLines([question, { type: 'graded', isCorrect: false, choice: 0, correctChoice: 1, explanation: 'Two.', reference }]).map(textOf);
    expect(wrong).toEqual(['? How many?', '  a) 0', '  b) 2', '', '✗ Wrong: you chose a) 0; the world shows b) 2', 'Two.', 'Reference: DDB-02 https://docs.aws.amazon.com/x']);
  });

  it('wraps words within the width, keeping every word in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 12, max: 40 }), (words, width) => {
        const wrapped = wrapLine([{ text: words.join(' ') }], width).map(textOf);
        expect(wrapped.every((line) => line.length <= width)).toBe(true);
        expect(wrapped.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
      }),
    );
  });

  it('scores the latest grade of each prediction', () => {
    const ask: TranscriptEntry = { type: 'question', stepId: 'q', question: '?', choices: ['a', 'b'] };
    const grade = (isCorrect: boolean): TranscriptEntry => ({ type: 'graded', isCorrect, choice: 0, correctChoice: 0, explanation: '', reference });
    expect(predictionScore([ask, grade(false), ask, grade(true)])).toEqual({ right: 1, asked: 1 });
  });
});

describe('wrapping a word longer than the line', () => {
  it('splits it across lines', () => {
    expect(wrapLine([{ text: 'abcdefghij' }], 4).map(textOf)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('wrapping a link longer than the line', () => {
  it('cuts it with an ellipsis instead of breaking it', () => {
    expect(wrapLine([{ text: 'See https://docs.aws.amazon.com/x/y/z' }], 12).map(textOf)).toEqual(['See', 'https://doc…']);
  });
});
