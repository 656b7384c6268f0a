// Proves the argv cases of `trainer quiz | review | exam | questions`: defaults, flags, plain mode
// without a terminal (and the notice case with one), and usage errors that name the bad value.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.js';

const tty = { isInteractive: true, env: {} };
const piped = { isInteractive: false, env: {} };

describe('parseArgs for the quiz commands', () => {
  it('reads quiz and review with their defaults and flags', () => {
    expect(parseArgs(['quiz'], piped)).toMatchInlineSnapshot(`
      {
        "action": {
          "count": 10,
          "selfRate": false,
          "topic": null,
          "type": "practice",
        },
        "kind": "quiz",
        "output": "plain",
      }
    `);
    expect(parseArgs(['quiz', '--topic', 'dynamodb-capacity', '--count', '5', '--json'], tty)).toEqual({ kind: 'quiz', action: { type: 'practice', topic: 'dynamodb-capacity', count: 5, selfRate: false }, output: 'json' });
    expect(parseArgs(['review'], tty)).toEqual({ kind: 'quiz', action: { type: 'review', count: 20, selfRate: false }, output: 'plain-in-terminal' });
    expect(parseArgs(['review', '--plain'], tty)).toEqual({ kind: 'quiz', action: { type: 'review', count: 20, selfRate: false }, output: 'plain' });
    expect(parseArgs(['quiz', '--rate'], piped)).toMatchObject({ action: { type: 'practice', selfRate: true } });
    expect(parseArgs(['review', '--rate', '--json'], tty)).toMatchObject({ action: { type: 'review', selfRate: true }, output: 'json' });
  });

  it('reads exam with its exam, --quick and --seed', () => {
    expect(parseArgs(['exam'], piped)).toEqual({ kind: 'quiz', action: { type: 'exam', exam: 'DVA-C02', isQuick: false, seed: null }, output: 'plain' });
    expect(parseArgs(['exam', '--exam', 'SAA-C03', '--quick', '--seed', '9', '--plain'], tty)).toEqual({ kind: 'quiz', action: { type: 'exam', exam: 'SAA-C03', isQuick: true, seed: 9 }, output: 'plain' });
  });

  it('reads questions and questions validate [PATH]', () => {
    expect(parseArgs(['questions', '--topic', 'iam-policy-evaluation', '--json'], piped)).toEqual({ kind: 'quiz', action: { type: 'list-questions', topic: 'iam-policy-evaluation' }, output: 'json' });
    expect(parseArgs(['questions', 'validate'], piped)).toEqual({ kind: 'quiz', action: { type: 'validate-questions', path: null }, output: 'plain' });
    expect(parseArgs(['questions', 'validate', 'my-pack/'], piped)).toEqual({ kind: 'quiz', action: { type: 'validate-questions', path: 'my-pack/' }, output: 'plain' });
  });

  it('names bad values and suggests the nearest valid one', () => {
    const messages = [
      parseArgs(['exam', '--exam', 'dva-c03'], piped),
      parseArgs(['quiz', '--count', '0'], piped),
      parseArgs(['questions', 'validat'], piped),
      parseArgs(['review', 'now'], piped),
      parseArgs(['exam', '--seed', 'x'], piped),
    ].map((invocation) => (invocation.kind === 'usage-error' ? `${invocation.message} | ${invocation.hint}` : invocation.kind));
    expect(messages).toMatchInlineSnapshot(`
      [
        ""--exam" is dva-c02 or saa-c03, got "dva-c03". | Did you mean "dva-c02"? Run "trainer --help" to see what trainer accepts.",
        ""--count" needs a whole number from 1 to 500, got "0". | Run "trainer --help" to see what trainer accepts.",
        "unknown questions command "validat": use "questions" or "questions validate [PATH]". | Did you mean "validate"? Run "trainer --help" to see what trainer accepts.",
        ""review" takes at most 0 argument(s), got 1: now. | Run "trainer --help" to see what trainer accepts.",
        ""--seed" needs a whole number, got "x". | Run "trainer --help" to see what trainer accepts.",
      ]
    `);
  });
});
