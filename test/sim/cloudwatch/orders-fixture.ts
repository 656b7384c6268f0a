// Shared setup of the CloudWatch tests: `orders` v1 echoes, v2 fails, alias `live` on v1, and an alarm
// on the alias's errors (any error in a minute trips it).
export const ORDERS = [
  'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
  'aws lambda publish-version --function-name orders',
  'aws lambda update-function-configuration --function-name orders --handler catalog.fail',
  'aws lambda publish-version --function-name orders',
  'aws lambda create-alias --function-name orders --name live --function-version 1',
];
export const ALARM = 'aws cloudwatch put-metric-alarm --alarm-name orders-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --dimensions Name=FunctionName,Value=orders Name=Resource,Value=orders:live --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold';
