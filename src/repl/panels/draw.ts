// Small pure drawing helpers shared by the panels: a sparkline, a bar, the virtual clock as text.

const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** One character per value, scaled to the largest; zero is the lowest bar. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((value) => (max <= 0 ? SPARK[0] : SPARK[Math.min(7, Math.round((value / max) * 7))])).join('');
}

/** `[█████·····]`: `value` of `max` in `width` cells. */
export function bar(value: number, max: number, width: number): string {
  const cells = Math.max(1, width);
  const filled = max <= 0 ? 0 : Math.min(cells, Math.round((Math.max(0, value) / max) * cells));
  return `[${'█'.repeat(filled)}${'·'.repeat(cells - filled)}]`;
}

/** The virtual clock as `HH:MM:SS` (UTC), the way the panels show when things happened. */
export function clockText(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(11, 19);
}

/** A number without needless decimals: 10, 0.5, 6.54. */
export function amount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
