// `sim show topic NAME`: a topic and its subscriptions (protocol, endpoint, raw delivery, filter, state).
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { fail, ok } from '../result.js';
import { snsState } from './model.js';
import { topicNotFound } from './topics.js';

export const SNS_SIM_COMMANDS: readonly SimCommandSpec[] = [
  defineShowCommand({
    subject: 'topic',
    nameArg: 'TOPIC_NAME',
    summary: 'Shows a topic and its subscriptions (protocol, endpoint, confirmed or pending, raw delivery, filter policy).',
    example: 'sim show topic orders',
    output: 'The topic view: name, arn and subscriptions with protocol, endpoint, status, rawMessageDelivery and filterPolicy.',
    show: (session, name) => {
      const topic = snsState(session.world).topics[name];
      if (topic === undefined) return fail(topicNotFound());
      const subscriptions = snsState(session.world).subscriptions.filter((s) => s.topicArn === topic.arn).map((s) => ({
        arn: s.arn,
        protocol: s.protocol,
        endpoint: s.endpoint,
        status: s.pendingToken === undefined ? 'confirmed' : 'pending confirmation',
        rawMessageDelivery: s.rawMessageDelivery,
        filterPolicy: s.filterPolicy === undefined ? null : (JSON.parse(s.filterPolicy) as unknown),
      }));
      const json = { name: topic.name, arn: topic.arn, subscriptions };
      return ok({ json, text: `${stringifyAwsJson(json, 2)}\n` });
    },
  }),
];
