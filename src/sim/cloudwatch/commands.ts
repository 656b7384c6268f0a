// The sandbox rows for `aws cloudwatch ...`: the real CLI's command and flag names for metric alarms.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { ALARM_STATES, COMPARISON_OPERATORS, TREAT_MISSING_DATA } from './alarms.js';
import { LAMBDA_METRIC_NAMES, STATISTICS } from './metrics.js';
import { getMetricStatistics } from './metric-statistics.js';
import { deleteAlarms, describeAlarms, putMetricAlarm, setAlarmState } from './operations.js';

const alarmName: ParamSpec = { flag: '--alarm-name', member: 'AlarmName', type: 'string', required: true, description: 'The alarm name.' };
const namespace: ParamSpec = { flag: '--namespace', member: 'Namespace', type: 'string', required: true, description: 'AWS/Lambda (other namespaces have no data in the simulator).' };
const metricName: ParamSpec = { flag: '--metric-name', member: 'MetricName', type: 'string', required: true, description: `The metric; AWS/Lambda has ${LAMBDA_METRIC_NAMES.join(', ')}.` };
const dimensions: ParamSpec = { flag: '--dimensions', member: 'Dimensions', type: 'json', isList: true, required: false, description: 'Name=FunctionName,Value=F Name=Resource,Value=F:alias (also ExecutedVersion).' };
const alarmNames: ParamSpec = { flag: '--alarm-names', member: 'AlarmNames', type: 'string-list', required: false, description: 'One or more alarm names.' };

export const CLOUDWATCH_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'cloudwatch', command: 'put-metric-alarm', operation: 'PutMetricAlarm', summary: 'Creates or replaces a metric alarm, evaluated at the end of every period on the virtual clock.',
    params: [
      alarmName,
      { flag: '--alarm-description', member: 'AlarmDescription', type: 'string', required: false, description: 'A description.' },
      metricName,
      namespace,
      { flag: '--statistic', member: 'Statistic', type: 'string', required: true, description: 'How a period’s samples combine.', choices: STATISTICS },
      dimensions,
      { flag: '--period', member: 'Period', type: 'integer', required: true, description: 'Seconds: 10, 30 or a multiple of 60.' },
      { flag: '--evaluation-periods', member: 'EvaluationPeriods', type: 'integer', required: true, description: 'How many recent periods are judged.' },
      { flag: '--threshold', member: 'Threshold', type: 'number', required: true, description: 'The value compared with the statistic.' },
      { flag: '--comparison-operator', member: 'ComparisonOperator', type: 'string', required: true, description: 'How the statistic is compared with the threshold.', choices: COMPARISON_OPERATORS },
      { flag: '--treat-missing-data', member: 'TreatMissingData', type: 'string', required: false, description: 'missing (default), notBreaching, breaching or ignore.', choices: TREAT_MISSING_DATA },
    ],
    run: putMetricAlarm,
  },
  {
    service: 'cloudwatch', command: 'describe-alarms', operation: 'DescribeAlarms', summary: 'Lists alarms with their state and the reason for it.',
    params: [
      alarmNames,
      { flag: '--alarm-name-prefix', member: 'AlarmNamePrefix', type: 'string', required: false, description: 'Only alarms whose name starts with this.' },
      { flag: '--state-value', member: 'StateValue', type: 'string', required: false, description: 'Only alarms in this state.', choices: ALARM_STATES },
    ],
    run: describeAlarms,
  },
  {
    service: 'cloudwatch', command: 'set-alarm-state', operation: 'SetAlarmState', summary: 'Sets an alarm’s state until its next evaluation (handy to trigger a rollback).',
    params: [
      alarmName,
      { flag: '--state-value', member: 'StateValue', type: 'string', required: true, description: 'The state to set.', choices: ALARM_STATES },
      { flag: '--state-reason', member: 'StateReason', type: 'string', required: true, description: 'Why, in words.' },
      { flag: '--state-reason-data', member: 'StateReasonData', type: 'string', required: false, description: 'Accepted and ignored.' },
    ],
    run: setAlarmState,
  },
  {
    service: 'cloudwatch', command: 'get-metric-statistics', operation: 'GetMetricStatistics', summary: 'Shows a Lambda metric per period (only periods with data), read from what ran.',
    params: [
      namespace,
      metricName,
      dimensions,
      { flag: '--start-time', member: 'StartTime', type: 'string', required: true, description: 'ISO 8601 time or epoch seconds.' },
      { flag: '--end-time', member: 'EndTime', type: 'string', required: true, description: 'ISO 8601 time or epoch seconds (exclusive).' },
      { flag: '--period', member: 'Period', type: 'integer', required: true, description: 'Seconds per datapoint; at most 1,440 datapoints.' },
      { flag: '--statistics', member: 'Statistics', type: 'string-list', required: true, description: `One or more of ${STATISTICS.join(', ')}.` },
    ],
    run: getMetricStatistics,
  },
  { service: 'cloudwatch', command: 'delete-alarms', operation: 'DeleteAlarms', summary: 'Deletes alarms.', params: [{ ...alarmNames, required: true }], run: deleteAlarms },
];
