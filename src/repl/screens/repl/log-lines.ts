// What the REPL's output log holds, and how a sandbox line's report becomes log lines: the command after
// a `$` prompt, what it printed, and errors marked ✗ (a word-free marker beside the colour, so the
// meaning survives NO_COLOR). A parse error's "maybe you meant" list is shown as a did-you-mean line.
import type { LineReport } from '../../../sim/index.js';

export type LogKind = 'command' | 'output' | 'error' | 'suggestion' | 'notice';

export interface LogLine {
  readonly kind: LogKind;
  readonly text: string;
}

/** The log keeps at most this many lines; older ones are dropped (a session can run for hours). */
export const MAX_LOG_LINES = 5_000;

export function appendLog(log: readonly LogLine[], added: readonly LogLine[]): readonly LogLine[] {
  const all = [...log, ...added];
  return all.length > MAX_LOG_LINES ? all.slice(all.length - MAX_LOG_LINES) : all;
}

function textLines(text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** The suggestion line for a parse error that has near words: `Did you mean "aws dynamodb put-item"?` */
export function suggestionLine(line: string, report: LineReport, suggestions: readonly string[]): LogLine | undefined {
  const column = report.error?.column;
  const best = suggestions[0];
  if (best === undefined || column === undefined) return undefined;
  const start = column - 1;
  const end = line.slice(start).search(/\s|$/) + start;
  const fixed = `${line.slice(0, start)}${best}${line.slice(end)}`.trim();
  return { kind: 'suggestion', text: `Did you mean "${fixed}"? (↑ then edit, or Tab to complete)` };
}

/** The log lines for one finished line: `$ command`, then its output, errors marked ✗. */
export function reportLines(report: LineReport, suggestions: readonly string[] = []): LogLine[] {
  const lines: LogLine[] = [{ kind: 'command', text: `$ ${report.command.trim()}` }];
  if (report.ok) return [...lines, ...textLines(report.text).map((text): LogLine => ({ kind: 'output', text }))];
  for (const [index, text] of textLines(report.text).entries()) lines.push({ kind: 'error', text: index === 0 ? `✗ ${text}` : `  ${text}` });
  const suggestion = suggestionLine(report.command, report, suggestions);
  if (suggestion !== undefined) lines.push(suggestion);
  return lines;
}

/** Splits log lines into rows of at most `columns` characters, so the view can count what it shows. */
export function wrapRows(log: readonly LogLine[], columns: number): LogLine[] {
  const width = Math.max(10, columns);
  const rows: LogLine[] = [];
  for (const line of log) {
    if (line.text.length <= width) rows.push(line);
    else for (let i = 0; i < line.text.length; i += width) rows.push({ kind: line.kind, text: line.text.slice(i, i + width) });
  }
  return rows;
}
