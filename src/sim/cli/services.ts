// The ONE place that lists what services bring to the sandbox language. Each service exports its AWS CLI
// operations (OperationSpec[]), its own `sim` rows (SimCommandSpec[], e.g. `sim show table`) and how
// `sim load` measures its requests (LoadMeterSpec). Adding a service = adding its arrays here; nothing
// else in the parser, dispatcher or docs changes.
import { APIGATEWAY_OPERATIONS } from '../apigateway/commands.js';
import { APIGATEWAY_OPENAPI_OPERATIONS } from '../apigateway/commands-openapi.js';
import { APIGATEWAYV2_OPERATIONS } from '../apigateway/commands-v2.js';
import { APIGATEWAY_DOMAIN_OPERATIONS } from '../apigateway/commands-domains.js';
import { APIGATEWAY_SIM_COMMANDS } from '../apigateway/sim-commands.js';
import { APIGATEWAYMANAGEMENTAPI_OPERATIONS, WEBSOCKET_SIM_COMMANDS, WEBSOCKET_V2_OPERATIONS } from '../apigateway/websocket/index.js';
import { CLOUDWATCH_OPERATIONS } from '../cloudwatch/commands.js';
import { CODEDEPLOY_OPERATIONS, CODEDEPLOY_SIM_COMMANDS } from '../codedeploy/commands.js';
import { CLOUDFRONT_OPERATIONS } from '../cloudfront/commands.js';
import { CLOUDFRONT_SIM_COMMANDS } from '../cloudfront/sim-commands.js';
import { EC2_OPERATIONS } from '../ec2/commands.js';
import { DYNAMODB_OPERATIONS } from '../dynamodb/commands.js';
import { DAX_SIM_COMMANDS } from '../dynamodb/dax/sim-commands.js';
import { DYNAMODB_LOAD_METER } from '../dynamodb/describe-capacity.js';
import { DYNAMODB_FEATURE_OPERATIONS } from '../dynamodb/features-commands.js';
import { DYNAMODB_SIM_COMMANDS } from '../dynamodb/sim-commands.js';
import { COGNITO_IDENTITY_OPERATIONS, COGNITO_IDP_OPERATIONS, STS_OPERATIONS } from '../cognito/commands.js';
import { COGNITO_SIM_COMMANDS } from '../cognito/sim-commands.js';
import { IAM_OPERATIONS } from '../iam/commands.js';
import { IAM_SIM_COMMANDS } from '../iam/sim-commands.js';
import { LAMBDA_OPERATIONS } from '../lambda/commands.js';
import { LAMBDA_PERMISSION_OPERATIONS } from '../lambda/permissions.js';
import { LAMBDA_SIM_COMMANDS } from '../lambda/sim-commands.js';
import { S3_OPERATIONS } from '../s3/commands.js';
import { SAM_SIM_COMMANDS } from '../sam/sim-commands.js';
import { SNS_OPERATIONS } from '../sns/commands.js';
import { SNS_SIM_COMMANDS } from '../sns/show.js';
import { SQS_OPERATIONS } from '../sqs/commands.js';
import { SQS_SIM_COMMANDS } from '../sqs/show.js';
import { STEPFUNCTIONS_OPERATIONS } from '../stepfunctions/commands.js';
import { STEPFUNCTIONS_SIM_COMMANDS } from '../stepfunctions/show.js';
import type { OperationSpec } from './operation-spec.js';
import type { LoadMeterSpec, SimCommandSpec } from './sim-command-spec.js';

/** Every service's operation rows, in the order help and docs list them. */
export const SERVICE_OPERATIONS: readonly (readonly OperationSpec[])[] = [
  DYNAMODB_OPERATIONS,
  DYNAMODB_FEATURE_OPERATIONS,
  LAMBDA_OPERATIONS,
  LAMBDA_PERMISSION_OPERATIONS,
  IAM_OPERATIONS,
  APIGATEWAY_OPERATIONS,
  APIGATEWAY_OPENAPI_OPERATIONS,
  APIGATEWAYV2_OPERATIONS,
  APIGATEWAY_DOMAIN_OPERATIONS,
  WEBSOCKET_V2_OPERATIONS,
  APIGATEWAYMANAGEMENTAPI_OPERATIONS,
  COGNITO_IDP_OPERATIONS,
  COGNITO_IDENTITY_OPERATIONS,
  STS_OPERATIONS,
  S3_OPERATIONS,
  CLOUDWATCH_OPERATIONS,
  CODEDEPLOY_OPERATIONS,
  CLOUDFRONT_OPERATIONS,
  SQS_OPERATIONS,
  SNS_OPERATIONS,
  STEPFUNCTIONS_OPERATIONS,
  EC2_OPERATIONS,
];

/** Sim rows services add (`sim show table`, `sim dax ...`). */
export const SERVICE_SIM_COMMANDS: readonly (readonly SimCommandSpec[])[] = [
  DYNAMODB_SIM_COMMANDS,
  DAX_SIM_COMMANDS,
  LAMBDA_SIM_COMMANDS,
  IAM_SIM_COMMANDS,
  APIGATEWAY_SIM_COMMANDS,
  WEBSOCKET_SIM_COMMANDS,
  COGNITO_SIM_COMMANDS,
  CODEDEPLOY_SIM_COMMANDS,
  SAM_SIM_COMMANDS,
  CLOUDFRONT_SIM_COMMANDS,
  SQS_SIM_COMMANDS,
  SNS_SIM_COMMANDS,
  STEPFUNCTIONS_SIM_COMMANDS,
];

/** Load meters services add (DynamoDB: capacity from its trace events, burst credit as a gauge). */
export const SERVICE_LOAD_METERS: readonly LoadMeterSpec[] = [DYNAMODB_LOAD_METER];
