// A line of text as pure view models produce it: segments with an optional tone and bold, drawn by
// components/styled-lines.tsx. Keeping styling as data lets view models be tested without ink.

export type Tone = 'accent' | 'muted' | 'warning' | 'error' | 'success';

export interface Segment {
  readonly text: string;
  readonly isBold?: boolean;
  readonly tone?: Tone;
}

export type StyledLine = readonly Segment[];

/** A line of one segment. */
export function line(text: string, tone?: Tone, isBold?: boolean): StyledLine {
  return [{ text, ...(tone === undefined ? {} : { tone }), ...(isBold === true ? { isBold } : {}) }];
}
