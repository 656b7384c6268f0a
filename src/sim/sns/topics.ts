// Topics and subscriptions: CreateTopic (idempotent by name), ListTopics, Subscribe (sqs, lambda,
// email; email waits for ConfirmSubscription with the token mailed to the simulated inbox),
// ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic), SetSubscriptionAttributes.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { filterPolicyProblem } from './filter-policy.js';
import { PROTOCOLS, snsId, snsState, topicByArn, type Protocol, type SubscriptionState, type TopicState } from './model.js';
import { snsPorts } from './ports.js';

export const topicNotFound = (): AwsError => awsError('NotFound', 404, 'Topic does not exist');
export const invalidParameter = (what: string): AwsError => awsError('InvalidParameter', 400, `Invalid parameter: ${what}`);

export function findTopic(world: World, topicArn: unknown): Result<TopicState> {
  const topic = topicByArn(world, topicArn);
  return topic === undefined ? fail(topicNotFound()) : ok(topic);
}

export function createTopic(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = String(request['Name'] ?? '');
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(name)) return fail(invalidParameter('Topic Name'));
  const state = snsState(world);
  const topic = state.topics[name] ?? { name, arn: `arn:aws:sns:${world.region}:${world.accountId}:${name}`, createdAtMs: world.nowMs };
  if (state.topics[name] === undefined) {
    state.topics[name] = topic;
    world.record({ service: 'sns', operation: 'CreateTopic', outcome: 'ok', detail: { topic: name } });
  }
  return ok({ TopicArn: topic.arn });
}

export function listTopics(world: World): Result<ApiDocument> {
  return ok({ Topics: Object.values(snsState(world).topics).map((topic) => ({ TopicArn: topic.arn })) });
}

function endpointProblem(protocol: Protocol, endpoint: string): string | undefined {
  if (protocol === 'sqs' && !endpoint.startsWith('arn:aws:sqs:')) return 'SQS endpoint ARN';
  if (protocol === 'lambda' && !endpoint.startsWith('arn:aws:lambda:')) return 'Lambda endpoint ARN';
  if (protocol === 'email' && !/^[^@\s]+@[^@\s]+$/.test(endpoint)) return 'Email address';
  return undefined;
}

function applyAttributes(subscription: SubscriptionState, attributes: Readonly<Record<string, unknown>>): AwsError | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (name === 'RawMessageDelivery') subscription.rawMessageDelivery = text === 'true';
    else if (name === 'FilterPolicy') {
      const problem = filterPolicyProblem(text);
      if (problem !== undefined) return invalidParameter(problem);
      subscription.filterPolicy = text;
    } else return invalidParameter(`AttributeName: ${name}`);
  }
  return undefined;
}

export function subscribe(world: World, request: ApiDocument): Result<ApiDocument> {
  const topic = findTopic(world, request['TopicArn']);
  if (!topic.ok) return topic;
  const protocol = String(request['Protocol'] ?? '') as Protocol;
  if (!PROTOCOLS.includes(protocol)) return fail(invalidParameter(`Invalid protocol type: ${protocol} (the simulator has ${PROTOCOLS.join(', ')})`));
  const endpoint = String(request['Endpoint'] ?? '');
  const problem = endpointProblem(protocol, endpoint);
  if (problem !== undefined) return fail(invalidParameter(problem));
  const subscription: SubscriptionState = { arn: `${topic.value.arn}:${snsId(world)}`, topicArn: topic.value.arn, protocol, endpoint, rawMessageDelivery: false };
  const attributeProblem = applyAttributes(subscription, (request['Attributes'] ?? {}) as Record<string, unknown>);
  if (attributeProblem !== undefined) return fail(attributeProblem);
  if (protocol === 'email') {
    subscription.pendingToken = snsId(world).replace(/-/g, '');
    snsPorts().sendEmail(world, {
      to: endpoint,
      subject: 'AWS Notification - Subscription Confirmation',
      body: `You asked to subscribe to ${topic.value.arn}. Confirm with: aws sns confirm-subscription --topic-arn ${topic.value.arn} --token ${subscription.pendingToken}`,
      code: subscription.pendingToken,
    });
  }
  snsState(world).subscriptions.push(subscription);
  world.record({ service: 'sns', operation: 'Subscribe', outcome: 'ok', detail: { topic: topic.value.name, protocol, endpoint } });
  return ok({ SubscriptionArn: subscription.pendingToken === undefined || request['ReturnSubscriptionArn'] === true ? subscription.arn : 'pending confirmation' });
}

export function confirmSubscription(world: World, request: ApiDocument): Result<ApiDocument> {
  const topic = findTopic(world, request['TopicArn']);
  if (!topic.ok) return topic;
  const subscription = snsState(world).subscriptions.find((s) => s.topicArn === topic.value.arn && s.pendingToken !== undefined && s.pendingToken === request['Token']);
  if (subscription === undefined) return fail(invalidParameter('Token'));
  delete subscription.pendingToken;
  world.record({ service: 'sns', operation: 'ConfirmSubscription', outcome: 'ok', detail: { subscription: subscription.arn } });
  return ok({ SubscriptionArn: subscription.arn });
}

function findSubscription(world: World, arn: unknown): Result<SubscriptionState> {
  const subscription = snsState(world).subscriptions.find((s) => s.arn === arn);
  return subscription === undefined ? fail(awsError('NotFound', 404, 'Subscription does not exist')) : ok(subscription);
}

export function setSubscriptionAttributes(world: World, request: ApiDocument): Result<ApiDocument> {
  const subscription = findSubscription(world, request['SubscriptionArn']);
  if (!subscription.ok) return subscription;
  const problem = applyAttributes(subscription.value, { [String(request['AttributeName'])]: request['AttributeValue'] ?? '' });
  return problem === undefined ? ok({}) : fail(problem);
}

export function unsubscribe(world: World, request: ApiDocument): Result<ApiDocument> {
  const subscription = findSubscription(world, request['SubscriptionArn']);
  if (!subscription.ok) return subscription;
  const state = snsState(world);
  state.subscriptions.splice(state.subscriptions.indexOf(subscription.value), 1);
  return ok({});
}

function subscriptionView(world: World, subscription: SubscriptionState): Record<string, unknown> {
  return {
    SubscriptionArn: subscription.pendingToken === undefined ? subscription.arn : 'PendingConfirmation',
    Owner: world.accountId,
    Protocol: subscription.protocol,
    Endpoint: subscription.endpoint,
    TopicArn: subscription.topicArn,
  };
}

export function listSubscriptions(world: World): Result<ApiDocument> {
  return ok({ Subscriptions: snsState(world).subscriptions.map((s) => subscriptionView(world, s)) });
}

export function listSubscriptionsByTopic(world: World, request: ApiDocument): Result<ApiDocument> {
  const topic = findTopic(world, request['TopicArn']);
  if (!topic.ok) return topic;
  return ok({ Subscriptions: snsState(world).subscriptions.filter((s) => s.topicArn === topic.value.arn).map((s) => subscriptionView(world, s)) });
}
