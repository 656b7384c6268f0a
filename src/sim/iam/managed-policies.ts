// A few AWS managed policies as data, for `aws iam attach-role-policy`. The action lists are facts
// about what each policy grants, trimmed to what the trainer's services use; where the real policy is
// longer the comment says so. AWS may revise these policies; the simulator keeps this snapshot.

export interface ManagedPolicy {
  readonly policyName: string;
  readonly arn: string;
  /** The policy document as JSON data, parsed like any other policy when it is used. */
  readonly document: unknown;
}

const allResources = (actions: readonly string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });

function managed(name: string, path: string, document: unknown): ManagedPolicy {
  return { policyName: name, arn: `arn:aws:iam::aws:policy/${path}${name}`, document };
}

const LAMBDA_LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

export const MANAGED_POLICIES: readonly ManagedPolicy[] = [
  managed('AdministratorAccess', '', allResources(['*'])),
  // The real policy also reads a few related services (autoscaling, CloudWatch, DAX, IAM roles ...).
  managed(
    'AmazonDynamoDBReadOnlyAccess',
    '',
    allResources([
      'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Describe*', 'dynamodb:GetItem', 'dynamodb:GetRecords',
      'dynamodb:GetShardIterator', 'dynamodb:List*', 'dynamodb:PartiQLSelect', 'dynamodb:Query', 'dynamodb:Scan',
      'dax:BatchGetItem', 'dax:Describe*', 'dax:GetItem', 'dax:List*', 'dax:Query', 'dax:Scan',
      'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingPolicies',
      'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics',
      'iam:GetRole', 'iam:ListRoles', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings',
    ]),
  ),
  // The real policy also manages autoscaling, alarms, DAX networking and passes roles to DAX.
  managed('AmazonDynamoDBFullAccess', '', allResources(['dynamodb:*', 'dax:*', 'application-autoscaling:*', 'cloudwatch:*', 'sns:ListTopics', 'lambda:ListFunctions'])),
  managed('AmazonS3ReadOnlyAccess', '', allResources(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])),
  managed('AmazonS3FullAccess', '', allResources(['s3:*', 's3-object-lambda:*'])),
  managed('AmazonAPIGatewayInvokeFullAccess', '', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['execute-api:Invoke', 'execute-api:ManageConnections'], Resource: 'arn:aws:execute-api:*:*:*' }],
  }),
  managed('AWSLambdaBasicExecutionRole', 'service-role/', allResources(LAMBDA_LOGS)),
  managed(
    'AWSLambdaDynamoDBExecutionRole',
    'service-role/',
    allResources(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', ...LAMBDA_LOGS]),
  ),
  managed('AWSLambdaRole', 'service-role/', allResources(['lambda:InvokeFunction'])),
  // COG-08: the session policy Cognito adds for guest identities in the enhanced flow. An approximation:
  // the real one lists specific actions of these services; what matters here is that S3, DynamoDB,
  // Lambda and execute-api are absent.
  managed(
    'AmazonCognitoUnAuthedIdentitiesSessionPolicy',
    'service-role/',
    allResources([
      'rum:PutRumEvents', 'sagemaker:InvokeEndpoint', 'polly:*', 'comprehend:*', 'translate:*', 'transcribe:*', 'rekognition:*',
      'mobiletargeting:*', 'firehose:*', 'personalize:*', 'geo:*', 'kms:Decrypt', 'kms:GenerateDataKey',
    ]),
  ),
];

export function findManagedPolicy(arn: string): ManagedPolicy | undefined {
  return MANAGED_POLICIES.find((policy) => policy.arn === arn);
}
