// SNS state: topics and subscriptions, plain data in the world's `sns` slot.
import type { World } from '../world.js';

export const SNS_SLOT = 'sns';

/** SVC-06: a message is at most 256 KiB by default. */
export const PUBLISH_MAX_BYTES = 262_144;
export const PROTOCOLS = ['sqs', 'lambda', 'email'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface TopicState {
  readonly name: string;
  readonly arn: string;
  readonly createdAtMs: number;
}

export interface SubscriptionState {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: Protocol;
  readonly endpoint: string;
  rawMessageDelivery: boolean;
  filterPolicy?: string;
  /** Email subscriptions wait for ConfirmSubscription with the token mailed to the endpoint. */
  pendingToken?: string;
}

export interface SnsState {
  readonly topics: Record<string, TopicState>;
  readonly subscriptions: SubscriptionState[];
}

export function snsState(world: World): SnsState {
  return world.service<SnsState>(SNS_SLOT, () => ({ topics: {}, subscriptions: [] }));
}

const HEX = '0123456789abcdef';

/** A version-4-shaped UUID from the world's `sns.ids` stream. */
export function snsId(world: World): string {
  const stream = world.rng.stream('sns.ids');
  let hex = '';
  for (let i = 0; i < 32; i++) hex += HEX[stream.nextInt(16)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-b${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function topicByArn(world: World, arn: unknown): TopicState | undefined {
  return Object.values(snsState(world).topics).find((topic) => topic.arn === arn);
}
