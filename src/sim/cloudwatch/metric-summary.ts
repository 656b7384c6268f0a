// A metric's samples summarised as CloudWatch keeps a statistic set: count, sum, minimum and maximum.
// Every statistic the simulator offers (SampleCount, Sum, Average, Minimum, Maximum) is exact from it,
// so samples folded per second by `sim load` and samples read one by one from the trace combine exactly.

export interface MetricSummary {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function summaryOf(value: number): MetricSummary {
  return { count: 1, sum: value, min: value, max: value };
}

/** Adds `other` into `into` (in place). */
export function mergeSummary(into: MetricSummary, other: MetricSummary): void {
  into.count += other.count;
  into.sum += other.sum;
  if (other.min < into.min) into.min = other.min;
  if (other.max > into.max) into.max = other.max;
}

/** Adds one sample into `into` (in place). */
export function addSample(into: MetricSummary, value: number): void {
  into.count += 1;
  into.sum += value;
  if (value < into.min) into.min = value;
  if (value > into.max) into.max = value;
}
