// SNS's public surface: topics, subscriptions (sqs, lambda, email) and fan-out (docs/sqs-sns.md).
export { SNS_OPERATIONS } from './commands.js';
export { filterPolicyProblem, matchesFilterPolicy, type AttributeValues } from './filter-policy.js';
export { PROTOCOLS, PUBLISH_MAX_BYTES, SNS_SLOT, snsState, topicByArn, type Protocol, type SnsState, type SubscriptionState, type TopicState } from './model.js';
export { registerSnsPorts, type EmailMessage, type SnsPorts } from './ports.js';
export { envelope, publish } from './publish.js';
export { SNS_SIM_COMMANDS } from './show.js';
export { confirmSubscription, createTopic, findTopic, listSubscriptions, listSubscriptionsByTopic, listTopics, setSubscriptionAttributes, subscribe, unsubscribe } from './topics.js';
