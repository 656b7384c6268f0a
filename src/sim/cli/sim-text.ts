// Small text helpers for sim command output: virtual times, durations and the per-second load table.
import type { LoadSecond } from './load-state.js';

export function formatTime(timeMs: number): string {
  return new Date(timeMs).toISOString();
}

/** 5400000 → `1h30m`, 250 → `250ms`, 0 → `0s`. */
export function formatDurationMs(durationMs: number): string {
  const units: readonly [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]];
  let rest = durationMs;
  let text = '';
  for (const [unit, sizeMs] of units) {
    const count = Math.floor(rest / sizeMs);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * sizeMs;
  }
  return text === '' ? '0s' : text;
}

function formatUnits(value: number): string {
  return Number.isInteger(value * 10) ? value.toFixed(1) : String(Math.round(value * 1000) / 1000);
}

/** The per-second table `sim load` prints: one row per virtual second, gauges as extra columns. */
export function renderLoadTable(rows: readonly LoadSecond[]): string {
  if (rows.length === 0) return '';
  const gaugeNames = [...new Set(rows.flatMap((row) => Object.keys(row.gauges)))];
  const hasRetries = rows.some((row) => row.retried > 0);
  const header = ['load', 'second', 'requests', 'succeeded', 'throttled', 'failed', ...(hasRetries ? ['retried'] : []), 'consumed', ...gaugeNames];
  const body = rows.map((row) => [
    String(row.loadId),
    String(row.second),
    String(row.requests),
    String(row.succeeded),
    String(row.throttled),
    String(row.failed),
    ...(hasRetries ? [String(row.retried)] : []),
    formatUnits(row.consumedCapacityUnits),
    ...gaugeNames.map((name) => (row.gauges[name] === undefined ? '-' : formatUnits(row.gauges[name]))),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}

export function totalsOf(rows: readonly LoadSecond[]): { requests: number; succeeded: number; throttled: number; failed: number; consumedCapacityUnits: number } {
  const totals = { requests: 0, succeeded: 0, throttled: 0, failed: 0, consumedCapacityUnits: 0 };
  for (const row of rows) {
    totals.requests += row.requests;
    totals.succeeded += row.succeeded;
    totals.throttled += row.throttled;
    totals.failed += row.failed;
    totals.consumedCapacityUnits += row.consumedCapacityUnits;
  }
  return totals;
}
