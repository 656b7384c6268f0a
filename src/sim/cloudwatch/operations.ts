// CloudWatch's AWS-facing alarm operations: PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms,
// with CloudWatch's member names (AlarmName, StateValue ...) and its errors (ValidationError,
// ResourceNotFound, HTTP 400/404).
import type { ApiDocument } from '../cli/operation-spec.js';
import { formatTime } from '../cli/sim-text.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import {
  ALARM_STATES,
  changeAlarmState,
  cloudWatchState,
  scheduleEvaluation,
  type AlarmState,
  type ComparisonOperator,
  type MetricAlarm,
  type TreatMissingData,
} from './alarms.js';
import { dimensionsOf, type Statistic } from './metrics.js';

const text = (request: ApiDocument, member: string): string | undefined => (typeof request[member] === 'string' ? (request[member] as string) : undefined);
const number = (request: ApiDocument, member: string): number | undefined => (typeof request[member] === 'number' ? (request[member] as number) : undefined);

function missing(member: string): AwsError {
  return awsError('ValidationError', 400, `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`);
}

function checkAlarmRequest(request: ApiDocument): AwsError | undefined {
  for (const member of ['AlarmName', 'MetricName', 'Namespace', 'Statistic', 'Period', 'EvaluationPeriods', 'Threshold', 'ComparisonOperator']) {
    if (request[member] === undefined) return missing(member);
  }
  const periodSeconds = number(request, 'Period') ?? 0;
  // Period: 10, 30 or a multiple of 60 seconds (API PutMetricAlarm; CloudWatch's ValidationError text).
  if (!(periodSeconds === 10 || periodSeconds === 30 || (periodSeconds > 0 && periodSeconds % 60 === 0))) {
    return awsError('ValidationError', 400, 'Period must be 10, 30 or a multiple of 60');
  }
  const evaluationPeriods = number(request, 'EvaluationPeriods') ?? 0;
  if (evaluationPeriods < 1) {
    return awsError('ValidationError', 400, `1 validation error detected: Value '${evaluationPeriods}' at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  return undefined;
}

/** PutMetricAlarm: creates or replaces the alarm; it starts in INSUFFICIENT_DATA and is evaluated each period. */
export function putMetricAlarm(world: World, request: ApiDocument): Result<ApiDocument> {
  const problem = checkAlarmRequest(request);
  if (problem !== undefined) return fail(problem);
  const state = cloudWatchState(world);
  const name = text(request, 'AlarmName') ?? '';
  const previous = state.alarms.get(name);
  if (previous?.timerId !== undefined) world.clock.cancel(previous.timerId);
  const alarm: MetricAlarm = {
    alarmName: name,
    alarmArn: `arn:aws:cloudwatch:${world.region}:${world.accountId}:alarm:${name}`,
    description: text(request, 'AlarmDescription') ?? '',
    namespace: text(request, 'Namespace') ?? '',
    metricName: text(request, 'MetricName') ?? '',
    dimensions: dimensionsOf(request),
    statistic: (text(request, 'Statistic') ?? 'Sum') as Statistic,
    periodSeconds: number(request, 'Period') ?? 60,
    evaluationPeriods: number(request, 'EvaluationPeriods') ?? 1,
    threshold: number(request, 'Threshold') ?? 0,
    comparisonOperator: (text(request, 'ComparisonOperator') ?? 'GreaterThanThreshold') as ComparisonOperator,
    treatMissingData: (text(request, 'TreatMissingData') ?? 'missing') as TreatMissingData,
    configurationUpdatedMs: world.nowMs,
    stateValue: previous?.stateValue ?? 'INSUFFICIENT_DATA',
    stateReason: previous?.stateReason ?? 'Unchecked: Initial alarm creation',
    stateUpdatedMs: previous?.stateUpdatedMs ?? world.nowMs,
  };
  state.alarms.set(name, alarm);
  scheduleEvaluation(world, alarm);
  world.record({ service: 'cloudwatch', operation: 'PutMetricAlarm', outcome: 'ok', detail: { alarmName: name, metricName: alarm.metricName, periodSeconds: alarm.periodSeconds } });
  return ok({});
}

function renderAlarm(alarm: MetricAlarm): ApiDocument {
  return {
    AlarmName: alarm.alarmName,
    AlarmArn: alarm.alarmArn,
    ...(alarm.description === '' ? {} : { AlarmDescription: alarm.description }),
    AlarmConfigurationUpdatedTimestamp: formatTime(alarm.configurationUpdatedMs),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    StateValue: alarm.stateValue,
    StateReason: alarm.stateReason,
    StateUpdatedTimestamp: formatTime(alarm.stateUpdatedMs),
    MetricName: alarm.metricName,
    Namespace: alarm.namespace,
    Statistic: alarm.statistic,
    Dimensions: alarm.dimensions,
    Period: alarm.periodSeconds,
    EvaluationPeriods: alarm.evaluationPeriods,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparisonOperator,
    TreatMissingData: alarm.treatMissingData,
  };
}

/** DescribeAlarms: by names, name prefix and/or state, sorted by name. */
export function describeAlarms(world: World, request: ApiDocument): Result<ApiDocument> {
  const names = Array.isArray(request['AlarmNames']) ? (request['AlarmNames'] as string[]) : undefined;
  const prefix = text(request, 'AlarmNamePrefix');
  const stateValue = text(request, 'StateValue');
  const alarms = [...cloudWatchState(world).alarms.values()]
    .filter((alarm) => (names === undefined || names.includes(alarm.alarmName)) && (prefix === undefined || alarm.alarmName.startsWith(prefix)))
    .filter((alarm) => stateValue === undefined || alarm.stateValue === stateValue)
    .sort((a, b) => a.alarmName.localeCompare(b.alarmName));
  return ok({ MetricAlarms: alarms.map(renderAlarm), CompositeAlarms: [] });
}

/** SetAlarmState: sets the state until the next evaluation judges it again (as in AWS). */
export function setAlarmState(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = text(request, 'AlarmName');
  if (name === undefined) return fail(missing('AlarmName'));
  const stateValue = text(request, 'StateValue');
  if (stateValue === undefined || !ALARM_STATES.includes(stateValue as AlarmState)) return fail(missing('StateValue'));
  const reason = text(request, 'StateReason');
  if (reason === undefined) return fail(missing('StateReason'));
  const alarm = cloudWatchState(world).alarms.get(name);
  if (alarm === undefined) return fail(awsError('ResourceNotFound', 404, `Alarm ${name} not found`));
  changeAlarmState(world, alarm, stateValue as AlarmState, reason);
  return ok({});
}

export function deleteAlarms(world: World, request: ApiDocument): Result<ApiDocument> {
  const names = Array.isArray(request['AlarmNames']) ? (request['AlarmNames'] as string[]) : [];
  const state = cloudWatchState(world);
  const unknown = names.filter((name) => !state.alarms.has(name));
  if (unknown.length > 0) return fail(awsError('ResourceNotFound', 404, `Alarm ${unknown.join(', ')} not found`));
  for (const name of names) {
    const alarm = state.alarms.get(name);
    if (alarm?.timerId !== undefined) world.clock.cancel(alarm.timerId);
    state.alarms.delete(name);
  }
  return ok({});
}

/** The state of an alarm, for CodeDeploy's port; `undefined` when there is none. */
export function alarmStateOf(world: World, alarmName: string): AlarmState | undefined {
  return cloudWatchState(world).alarms.get(alarmName)?.stateValue;
}
