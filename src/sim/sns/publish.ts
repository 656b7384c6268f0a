// Publish: fan-out to every confirmed subscription of the topic whose filter policy the message's
// attributes pass. SQS gets the SNS JSON envelope (or the bare message with RawMessageDelivery),
// Lambda an `aws:sns` event invoked asynchronously, email the message text in the simulated inbox.
// Deliveries happen at the publish instant; each is a trace entry.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { matchesFilterPolicy, type AttributeValues } from './filter-policy.js';
import { PUBLISH_MAX_BYTES, snsId, snsState, type SubscriptionState, type TopicState } from './model.js';
import { snsPorts } from './ports.js';
import { findTopic, invalidParameter } from './topics.js';

interface Notification {
  readonly messageId: string;
  readonly topic: TopicState;
  readonly message: string;
  readonly subject?: string;
  readonly attributes: AttributeValues;
  readonly timestamp: string;
}

const SIGNING_CERT = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-simulated.pem';

function attributesForEnvelope(attributes: AttributeValues): Record<string, { Type: string; Value: string }> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { Type: value.DataType ?? 'String', Value: value.StringValue ?? '' }]));
}

/** The JSON document SQS subscribers receive (and, with capitalised URL names, Lambda's `Sns`). */
export function envelope(notification: Notification, subscription: SubscriptionState, forLambda = false): Record<string, unknown> {
  return {
    Type: 'Notification',
    MessageId: notification.messageId,
    TopicArn: notification.topic.arn,
    ...(notification.subject === undefined ? (forLambda ? { Subject: null } : {}) : { Subject: notification.subject }),
    Message: notification.message,
    Timestamp: notification.timestamp,
    SignatureVersion: '1',
    Signature: 'SIMULATED',
    [forLambda ? 'SigningCertUrl' : 'SigningCertURL']: SIGNING_CERT,
    [forLambda ? 'UnsubscribeUrl' : 'UnsubscribeURL']: `https://sns.${notification.topic.arn.split(':')[3]}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscription.arn}`,
    MessageAttributes: attributesForEnvelope(notification.attributes),
  };
}

function deliver(world: World, notification: Notification, subscription: SubscriptionState): Result<unknown> {
  const ports = snsPorts();
  if (subscription.protocol === 'sqs') {
    return ports.sendToQueue(world, subscription.endpoint, subscription.rawMessageDelivery ? notification.message : JSON.stringify(envelope(notification, subscription)));
  }
  if (subscription.protocol === 'lambda') {
    const event = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: subscription.arn, Sns: envelope(notification, subscription, true) }] };
    return ports.invokeAsync(world, subscription.endpoint, JSON.stringify(event));
  }
  ports.sendEmail(world, { to: subscription.endpoint, subject: notification.subject ?? 'AWS Notification Message', body: notification.message, code: '' });
  return ok(undefined);
}

function fanOut(world: World, notification: Notification): number {
  let delivered = 0;
  for (const subscription of snsState(world).subscriptions) {
    if (subscription.topicArn !== notification.topic.arn || subscription.pendingToken !== undefined) continue;
    if (subscription.filterPolicy !== undefined && !matchesFilterPolicy(subscription.filterPolicy, notification.attributes)) {
      world.record({ service: 'sns', operation: 'delivery-filtered', outcome: 'ok', detail: { subscription: subscription.arn, messageId: notification.messageId } });
      continue;
    }
    const result = deliver(world, notification, subscription);
    if (result.ok) delivered++;
    world.record({ service: 'sns', operation: 'delivery', outcome: result.ok ? 'ok' : result.error.name, detail: { protocol: subscription.protocol, endpoint: subscription.endpoint, messageId: notification.messageId } });
  }
  return delivered;
}

export function publish(world: World, request: ApiDocument): Result<ApiDocument> {
  const topic = findTopic(world, request['TopicArn']);
  if (!topic.ok) return topic;
  const message = typeof request['Message'] === 'string' ? request['Message'] : '';
  if (message === '') return fail(invalidParameter('Empty message'));
  // SVC-06: 256 KiB unless the topic raised MaximumMessageSize (not simulated).
  if (Buffer.byteLength(message, 'utf8') > PUBLISH_MAX_BYTES) return fail(invalidParameter('Message too long'));
  const subject = typeof request['Subject'] === 'string' ? request['Subject'] : undefined;
  const notification: Notification = {
    messageId: snsId(world),
    topic: topic.value,
    message,
    ...(subject === undefined ? {} : { subject }),
    attributes: (request['MessageAttributes'] ?? {}) as AttributeValues,
    timestamp: new Date(world.nowMs).toISOString(),
  };
  const delivered = fanOut(world, notification);
  world.record({ service: 'sns', operation: 'Publish', outcome: 'ok', detail: { topic: topic.value.name, messageId: notification.messageId, delivered } });
  return ok({ MessageId: notification.messageId });
}
