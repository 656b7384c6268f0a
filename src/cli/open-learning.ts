// `trainer quiz | review | exam` in a terminal without --plain or --json: which shell screen opens,
// with what. Pure. Everything else (no terminal, --plain, --json, `questions`) stays plain text.
import type { Invocation } from './parse-args.js';

/** The shell's learning screen and its first action (the shell's OpenLearning, as plain data). */
export type OpenLearningRequest =
  | { readonly entry: 'quiz'; readonly action: { readonly type: 'open-quiz'; readonly topic?: string | null; readonly count: number } }
  | { readonly entry: 'review'; readonly action: { readonly type: 'open-review'; readonly count: number } }
  | { readonly entry: 'exam'; readonly action: { readonly type: 'open-exam'; readonly exam: 'DVA-C02' | 'SAA-C03'; readonly isQuick: boolean; readonly start: boolean; readonly seed?: number } };

export function openLearningOf(invocation: Extract<Invocation, { kind: 'quiz' }>): OpenLearningRequest | undefined {
  if (invocation.output !== 'plain-in-terminal') return undefined;
  const { action } = invocation;
  switch (action.type) {
    case 'practice':
      // Without --topic the topic picker comes first.
      return { entry: 'quiz', action: { type: 'open-quiz', count: action.count, ...(action.topic === null ? {} : { topic: action.topic }) } };
    case 'review':
      return { entry: 'review', action: { type: 'open-review', count: action.count } };
    case 'exam':
      // The command already says which exam: it starts at once (seeded by --seed, else by the clock).
      return { entry: 'exam', action: { type: 'open-exam', exam: action.exam, isQuick: action.isQuick, start: true, ...(action.seed === null ? {} : { seed: action.seed }) } };
    default:
      return undefined;
  }
}
