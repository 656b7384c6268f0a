// CloudWatch's public surface: Lambda metrics derived from the trace and metric alarms on the virtual
// clock. Importing it registers the alarm evaluation timer.
export { ALARM_STATES, COMPARISON_OPERATORS, cloudWatchState, isBreaching, judge, type AlarmState, type ComparisonOperator, type MetricAlarm } from './alarms.js';
export { CLOUDWATCH_OPERATIONS } from './commands.js';
export { LAMBDA_METRIC_NAMES, LAMBDA_NAMESPACE, STATISTICS, computeStatistic, datapoints, dimensionsOf, foldLoadMetrics, statisticOf, resourceOf, type Dimension, type MetricQuery, type Statistic } from './metrics.js';
export { getMetricStatistics } from './metric-statistics.js';
export { alarmStateOf, deleteAlarms, describeAlarms, putMetricAlarm, setAlarmState } from './operations.js';
export { registerCloudWatchPorts, type CloudWatchPorts } from './ports.js';
export type { LoadMetricCell, LoadMetricsHolder } from './load-metrics.js';
export type { MetricSummary } from './metric-summary.js';
