// What the runner screen shows of the transcript, as styled lines: the current step's entries (the
// runner's own transcript, never recomputed), **bold** terms marked, long command output cut short,
// wrapped to the width and cut to the height from the top, so the newest lines always show. Pure.
import { choiceLetter, type TranscriptEntry } from '../../../scenarios/index.js';
import { line as plain, type Segment, type StyledLine, type Tone } from '../../styled-line.js';

/** Command output lines kept per command; the rest is summarised in one line. */
export const MAX_OUTPUT_LINES = 8;

/** Splits "a **bold** term" into plain and bold segments. */
export function boldSegments(text: string, tone?: Tone): Segment[] {
  return text
    .split(/\*\*(.+?)\*\*/)
    .map((part, index) => ({ text: part, ...(index % 2 === 1 ? { isBold: true } : {}), ...(tone === undefined ? {} : { tone }) }))
    .filter((segment) => segment.text !== '');
}

function outputLines(text: string): StyledLine[] {
  const lines = text.replace(/\n+$/, '').split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
  const kept = lines.slice(0, MAX_OUTPUT_LINES).map((line) => plain(line, 'muted'));
  const hidden = lines.length - kept.length;
  return hidden > 0 ? [...kept, plain(`… ${hidden} more line${hidden === 1 ? '' : 's'}`, 'muted')] : kept;
}

function lettered(choices: readonly string[], index: number | null): string {
  return index === null ? 'none of the choices' : `${choiceLetter(index)}) ${choices[index] ?? ''}`;
}

function entryLines(entry: TranscriptEntry, choices: readonly string[]): StyledLine[] {
  switch (entry.type) {
    case 'step':
    case 'panel':
      return [];
    case 'narration':
      return [boldSegments(entry.text)];
    case 'command':
      return [[{ text: '$ ', tone: 'accent' }, { text: entry.line }], ...outputLines(entry.text)];
    case 'question':
      return [boldSegments(`? ${entry.question}`).map((s) => ({ ...s, isBold: true })), ...entry.choices.map((choice, i) => boldSegments(`  ${choiceLetter(i)}) ${choice}`))];
    case 'graded': {
      const verdict = entry.isCorrect
        ? plain(`✓ Right: ${lettered(choices, entry.correctChoice)}`, 'success', true)
        : plain(`✗ Wrong: you chose ${lettered(choices, entry.choice)}; the world shows ${lettered(choices, entry.correctChoice)}`, 'error', true);
      return [verdict, boldSegments(entry.explanation), plain(`Reference: ${entry.reference.fact} ${entry.reference.url}`, 'muted')];
    }
    case 'goal':
      return [[{ text: 'Task: ', isBold: true, tone: 'accent' }, ...boldSegments(entry.text)]];
    case 'hint':
      return [plain(`Hint ${entry.number}/${entry.of}: ${entry.text}`, 'warning')];
    case 'task-solved':
      return [plain('✓ Task solved.', 'success', true)];
    case 'recap':
      return [plain('Key facts:', undefined, true), ...entry.facts.map((fact) => boldSegments(`  • ${fact}`))];
    case 'note':
      return [plain(entry.text, 'muted')];
    case 'finished':
      return [plain(`Finished: ${entry.title}.`, 'success', true)];
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}

/** The entries of the current step (setup output only when a setup command failed). */
export function currentStepEntries(transcript: readonly TranscriptEntry[]): readonly TranscriptEntry[] {
  const lastStep = transcript.findLastIndex((entry) => entry.type === 'step');
  return transcript.slice(lastStep + 1).filter((entry) => entry.type !== 'command' || !entry.isSetup || !entry.ok);
}

/** Styled lines of some entries, a blank line between entries. */
export function transcriptLines(entries: readonly TranscriptEntry[]): StyledLine[] {
  let choices: readonly string[] = [];
  const lines: StyledLine[] = [];
  for (const entry of entries) {
    if (entry.type === 'question') choices = entry.choices;
    const shown = entryLines(entry, choices);
    if (shown.length === 0) continue;
    if (lines.length > 0) lines.push([]);
    lines.push(...shown);
  }
  return lines;
}

/** Greedy word wrap of one styled line to `width` columns; words longer than a line are split, links cut. */
export function wrapLine(line: StyledLine, width: number): StyledLine[] {
  const limit = Math.max(1, width);
  const out: Segment[][] = [[]];
  let used = 0;
  for (const segment of line) {
    for (const token of segment.text.match(/\S+\s*|\s+/g) ?? []) {
      let rest = token;
      // Bound: each turn places at least one character.
      for (let turn = 0; turn < token.length + 1 && rest !== ''; turn++) {
        const room = limit - used;
        const word = rest.trimEnd();
        if (word.length <= room || (used === 0 && word.length <= limit)) {
          out[out.length - 1]!.push({ ...segment, text: rest.slice(0, Math.max(room, word.length)) });
          used += rest.length;
          rest = '';
        } else if (used > 0) {
          out.push([]);
          used = 0;
        } else if (/^https?:\/\//.test(rest)) {
          // A link is cut with an ellipsis rather than broken over lines (plain mode prints it whole).
          out[out.length - 1]!.push({ ...segment, text: `${rest.slice(0, limit - 1)}…` });
          rest = '';
          used = limit;
        } else {
          out[out.length - 1]!.push({ ...segment, text: rest.slice(0, limit) });
          rest = rest.slice(limit);
          out.push([]);
          used = 0;
        }
      }
    }
  }
  return out.map((segments) => trimEnd(segments));
}

function trimEnd(segments: Segment[]): StyledLine {
  const last = segments.at(-1);
  if (last === undefined) return segments;
  return [...segments.slice(0, -1), { ...last, text: last.text.trimEnd() }].filter((s) => s.text !== '');
}

/** The latest grade of each prediction, in order (a retried step counts once). */
export function predictionScore(transcript: readonly TranscriptEntry[]): { readonly right: number; readonly asked: number } {
  const grades = new Map<string, boolean>();
  let question: string | undefined;
  for (const entry of transcript) {
    if (entry.type === 'question') question = entry.stepId;
    if (entry.type === 'graded' && question !== undefined) grades.set(question, entry.isCorrect);
  }
  return { right: [...grades.values()].filter(Boolean).length, asked: grades.size };
}
