// Metric alarms on the virtual clock. Each alarm is evaluated at the end of every period (period
// boundaries aligned to the epoch, a world timer `cloudwatch.evaluate` per alarm) over the last
// EvaluationPeriods periods of its metric. Simplified TreatMissingData (documented in
// docs/deployments.md): `missing` (default) judges the periods that have data and goes to
// INSUFFICIENT_DATA when none has; `notBreaching` / `breaching` fill gaps; `ignore` keeps the state
// when there is no data. A new alarm starts in INSUFFICIENT_DATA ("Unchecked: Initial alarm creation").
import { formatTime } from '../cli/sim-text.js';
import { defineTimerHandler, type World } from '../world.js';
import { datapoints, type Dimension, type Statistic } from './metrics.js';
import { cloudWatchPorts } from './ports.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export const ALARM_STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
export const COMPARISON_OPERATORS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export const TREAT_MISSING_DATA = ['missing', 'notBreaching', 'breaching', 'ignore'] as const;
export type TreatMissingData = (typeof TREAT_MISSING_DATA)[number];

export interface MetricAlarm {
  readonly alarmName: string;
  readonly alarmArn: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
  readonly statistic: Statistic;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly treatMissingData: TreatMissingData;
  readonly configurationUpdatedMs: number;
  stateValue: AlarmState;
  stateReason: string;
  stateUpdatedMs: number;
  timerId?: number;
}

export interface CloudWatchState {
  readonly alarms: Map<string, MetricAlarm>;
}

export const CLOUDWATCH_SLOT = 'cloudwatch';
const EVALUATE_TIMER = 'cloudwatch.evaluate';

export function cloudWatchState(world: World): CloudWatchState {
  return world.service<CloudWatchState>(CLOUDWATCH_SLOT, () => ({ alarms: new Map() }));
}

const OPERATOR_WORDS: Readonly<Record<ComparisonOperator, string>> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

export function isBreaching(value: number, operator: ComparisonOperator, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    default: {
      const unknown: never = operator;
      return unknown;
    }
  }
}

/** `dd/MM/yy HH:mm:ss`, the way CloudWatch writes datapoint times in a StateReason. */
function reasonTime(timeMs: number): string {
  const iso = formatTime(timeMs);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}

const oneDecimal = (value: number): string => (Number.isInteger(value) ? value.toFixed(1) : String(value));

/** The state the last EvaluationPeriods periods before `boundaryMs` call for, and the reason. */
export function judge(world: World, alarm: MetricAlarm, boundaryMs: number): { state: AlarmState; reason: string } | undefined {
  const periodMs = alarm.periodSeconds * 1_000;
  const startMs = boundaryMs - periodMs * alarm.evaluationPeriods;
  const values = datapoints(world, alarm, alarm.statistic, { startMs, periodMs, count: alarm.evaluationPeriods });
  const filled = values.map((value) => {
    if (value !== undefined) return { value, isBreaching: isBreaching(value, alarm.comparisonOperator, alarm.threshold) };
    if (alarm.treatMissingData === 'breaching' || alarm.treatMissingData === 'notBreaching') return { value: undefined, isBreaching: alarm.treatMissingData === 'breaching' };
    return undefined;
  });
  const judged = filled.flatMap((entry, i) => (entry === undefined ? [] : [{ ...entry, timeMs: startMs + i * periodMs }]));
  if (judged.length === 0) {
    if (alarm.treatMissingData === 'ignore') return undefined;
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${alarm.evaluationPeriods} datapoint${alarm.evaluationPeriods === 1 ? ' was' : 's were'} unknown.` };
  }
  const isAlarm = judged.every((entry) => entry.isBreaching);
  const shown = judged.filter((entry) => entry.isBreaching === isAlarm);
  const list = shown.map((entry) => (entry.value === undefined ? `missing (${reasonTime(entry.timeMs)})` : `${oneDecimal(entry.value)} (${reasonTime(entry.timeMs)})`)).join(', ');
  const verb = shown.length === 1 ? 'was' : 'were';
  const words = `${isAlarm ? '' : 'not '}${OPERATOR_WORDS[alarm.comparisonOperator]}`;
  return { state: isAlarm ? 'ALARM' : 'OK', reason: `Threshold Crossed: ${shown.length} datapoint${shown.length === 1 ? '' : 's'} [${list}] ${verb} ${words} the threshold (${oneDecimal(alarm.threshold)}).` };
}

/** Changes the state (trace entry `alarm-state-changed`); entering ALARM is told to the listeners. */
export function changeAlarmState(world: World, alarm: MetricAlarm, state: AlarmState, reason: string): void {
  const previous = alarm.stateValue;
  alarm.stateReason = reason;
  if (previous === state) return;
  alarm.stateValue = state;
  alarm.stateUpdatedMs = world.nowMs;
  world.record({ service: 'cloudwatch', operation: 'alarm-state-changed', outcome: 'ok', detail: { alarmName: alarm.alarmName, from: previous, to: state, reason } });
  if (state === 'ALARM') cloudWatchPorts().alarmEnteredAlarm(world, alarm.alarmName);
}

/** Schedules the alarm's next evaluation at the next period boundary after now. */
export function scheduleEvaluation(world: World, alarm: MetricAlarm): void {
  if (alarm.timerId !== undefined) world.clock.cancel(alarm.timerId);
  const periodMs = alarm.periodSeconds * 1_000;
  const dueMs = (Math.floor(world.nowMs / periodMs) + 1) * periodMs;
  alarm.timerId = world.clock.scheduleAt(dueMs, EVALUATE_TIMER, { alarmName: alarm.alarmName }).id;
}

defineTimerHandler(EVALUATE_TIMER, (world, payload) => {
  const alarm = cloudWatchState(world).alarms.get((payload as { alarmName: string }).alarmName);
  if (alarm === undefined) return;
  delete alarm.timerId;
  const verdict = judge(world, alarm, world.nowMs);
  if (verdict !== undefined) changeAlarmState(world, alarm, verdict.state, verdict.reason);
  scheduleEvaluation(world, alarm);
});
