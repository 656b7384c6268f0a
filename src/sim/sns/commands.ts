// The sandbox rows for `aws sns ...`: the real CLI's command and flag names.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { publish } from './publish.js';
import { confirmSubscription, createTopic, listSubscriptions, listSubscriptionsByTopic, listTopics, setSubscriptionAttributes, subscribe, unsubscribe } from './topics.js';

const topicArn: ParamSpec = { flag: '--topic-arn', member: 'TopicArn', type: 'string', required: true, description: 'The topic ARN (create-topic prints it).' };
const subscriptionArn: ParamSpec = { flag: '--subscription-arn', member: 'SubscriptionArn', type: 'string', required: true, description: 'The subscription ARN.' };
const sns = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'sns', command, operation, summary, params, run });

export const SNS_OPERATIONS: readonly OperationSpec[] = [
  sns('create-topic', 'CreateTopic', 'Creates a standard topic (the same name answers the same ARN).', [
    { flag: '--name', member: 'Name', type: 'string', required: true, description: 'Letters, digits, - and _ (1–256).' },
  ], createTopic),
  sns('list-topics', 'ListTopics', 'Lists topic ARNs.', [], listTopics),
  sns('subscribe', 'Subscribe', 'Subscribes an SQS queue, a Lambda function or an email address (confirmed through the simulated inbox).', [
    topicArn,
    { flag: '--protocol', member: 'Protocol', type: 'string', required: true, description: 'sqs, lambda or email.', choices: ['sqs', 'lambda', 'email'] },
    { flag: '--notification-endpoint', member: 'Endpoint', type: 'string', required: true, description: 'A queue ARN, a function ARN or an email address.' },
    { flag: '--attributes', member: 'Attributes', type: 'json', required: false, description: 'RawMessageDelivery=true and/or FilterPolicy (a JSON policy on message attributes).' },
    { flag: '--return-subscription-arn', member: 'ReturnSubscriptionArn', type: 'boolean', required: false, description: 'Answer the ARN even while an email subscription waits for confirmation.' },
  ], subscribe),
  sns('confirm-subscription', 'ConfirmSubscription', 'Confirms an email subscription with the token from the inbox.', [
    topicArn,
    { flag: '--token', member: 'Token', type: 'string', required: true, description: 'The token in the confirmation email (sim inbox).' },
  ], confirmSubscription),
  sns('set-subscription-attributes', 'SetSubscriptionAttributes', 'Sets RawMessageDelivery or FilterPolicy on a subscription.', [
    subscriptionArn,
    { flag: '--attribute-name', member: 'AttributeName', type: 'string', required: true, description: 'RawMessageDelivery or FilterPolicy.', choices: ['RawMessageDelivery', 'FilterPolicy'] },
    { flag: '--attribute-value', member: 'AttributeValue', type: 'string', required: false, description: 'The new value.' },
  ], setSubscriptionAttributes),
  sns('unsubscribe', 'Unsubscribe', 'Deletes a subscription.', [subscriptionArn], unsubscribe),
  sns('list-subscriptions', 'ListSubscriptions', 'Lists every subscription.', [], listSubscriptions),
  sns('list-subscriptions-by-topic', 'ListSubscriptionsByTopic', 'Lists the subscriptions of one topic.', [topicArn], listSubscriptionsByTopic),
  sns('publish', 'Publish', 'Publishes a message (≤ 256 KiB, SVC-06) to every matching subscription at once.', [
    topicArn,
    { flag: '--message', member: 'Message', type: 'string', required: true, description: 'The message text.' },
    { flag: '--subject', member: 'Subject', type: 'string', required: false, description: 'The subject (email subject line; in the JSON envelope).' },
    { flag: '--message-attributes', member: 'MessageAttributes', type: 'json', required: false, description: '{"color":{"DataType":"String","StringValue":"red"}} for filter policies.' },
  ], publish),
];
