// The scenario file format (formatVersion 1) as zod schemas; the types are inferred from them, so the
// format has one definition. docs/scenarios.md is the author's reference for every field.
import { z } from 'zod';

/** `dynamodb/throttling-provisioned`: a service folder, a slash, a kebab-case name. */
export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STEP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);
const stepId = z.string().regex(STEP_ID_PATTERN, 'a kebab-case step id such as "burst-spent"');

/** A reference for an explanation: a fact of shared/aws-facts.md and the AWS page it comes from. */
export const referenceSchema = z.strictObject({
  fact: z.string().regex(/^[A-Z]+-\d{2}$/, 'a fact ID such as "DDB-07"'),
  url: z.url({ protocol: /^https$/ }),
});

/** Where a measured number is compared: any of the three, all of them must hold. */
const comparison = {
  equals: z.union([z.number(), z.string(), z.boolean()]).optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
};

const traceFilter = {
  service: z.string().min(1),
  operation: z.string().min(1).optional(),
  outcome: z.string().min(1).optional(),
  /** `step` (default): only what happened since the step began (or since a task's probe began); `all`: the whole trace. */
  scope: z.enum(['step', 'all']).optional(),
  /** Only events whose detail has these values, e.g. `{start: cold}` or `{functionName: orders}`. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
};

/**
 * Measures: what a check or a computed answer reads from the world, through the simulator's public
 * API. Each has the same fields in a check (plus a comparison) and in `answerFrom` (without).
 */
const measureShapes = {
  'last-output-path': { path: text },
  'trace-count': traceFilter,
  'item-count': { table: text },
  /** A strongly consistent GetItem on a copy of the world: `key` in DynamoDB JSON, `path` into the item. */
  'item-path': { table: text, key: z.record(z.string(), z.record(z.string(), z.unknown())), path: text },
  'table-throttled': { table: text },
  'table-capacity-path': { table: text, path: text },
  'lambda-cold-starts': { function: text },
  'lambda-view-path': { function: text, path: text },
  'iam-decision': { principal: text, action: text, resource: text },
} as const;

type MeasureKind = keyof typeof measureShapes;
export const MEASURE_KINDS = Object.keys(measureShapes) as MeasureKind[];

function measureObject<K extends MeasureKind>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), ...measureShapes[kind] });
}
function checkObject<K extends MeasureKind>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), ...measureShapes[kind], ...comparison });
}

export const measureSchema = z.discriminatedUnion('kind', [
  measureObject('last-output-path'),
  measureObject('trace-count'),
  measureObject('item-count'),
  measureObject('item-path'),
  measureObject('table-throttled'),
  measureObject('table-capacity-path'),
  measureObject('lambda-cold-starts'),
  measureObject('lambda-view-path'),
  measureObject('iam-decision'),
]);

const leafCheckSchema = z.discriminatedUnion('kind', [
  checkObject('last-output-path'),
  checkObject('trace-count'),
  checkObject('item-count'),
  checkObject('item-path'),
  checkObject('table-throttled'),
  checkObject('table-capacity-path'),
  checkObject('lambda-cold-starts'),
  checkObject('lambda-view-path'),
  checkObject('iam-decision'),
]);

/** A check on the world: one measure compared, or `all` of several. */
export const checkSchema = z.union([
  leafCheckSchema,
  z.strictObject({ kind: z.literal('all'), checks: z.array(leafCheckSchema).min(1) }),
]);

/** Panels a step asks the UI to show (issue 10 draws them; plain mode names them). */
export const PANEL_KINDS = ['capacity-gauge', 'request-log', 'lambda-environments', 'iam-decision', 'stream-records', 'trace'] as const;
const panelSchema = z.strictObject({ kind: z.enum(PANEL_KINDS), target: text.optional() });

const commands = z.array(text).min(1);

const choiceSchema = z.union([
  text,
  z.strictObject({ text, value: z.union([z.number(), z.string(), z.boolean()]) }),
]);

const sayStep = z.strictObject({ kind: z.literal('say'), id: stepId.optional(), text });
const runStep = z.strictObject({ kind: z.literal('run'), id: stepId.optional(), text: text.optional(), commands, panel: panelSchema.optional() });
const predictStep = z.strictObject({
  kind: z.literal('predict'),
  id: stepId,
  question: text,
  choices: z.array(choiceSchema).min(2).max(6),
  /** The commands that run once the learner has answered; the world then shows the answer. */
  commands,
  panel: panelSchema.optional(),
  /** Computed answer: the choice whose value equals this measure after the commands. */
  answerFrom: measureSchema.optional(),
  /** Stated answer (a letter), proved by `check` holding after the commands. */
  answer: z.string().regex(/^[a-f]$/, 'a choice letter a–f').optional(),
  check: checkSchema.optional(),
  explanation: text,
  reference: referenceSchema,
});
const taskStep = z.strictObject({
  kind: z.literal('task'),
  id: stepId,
  goal: text,
  /** Commands run on a copy of the learner's world before `check` (e.g. the traffic to survive). */
  probe: commands.optional(),
  check: checkSchema,
  hints: z.array(text).min(1).max(3),
  /** The reference solution: the content test runs it and expects the check to pass. */
  solution: commands,
  reference: referenceSchema.optional(),
});
const recapStep = z.strictObject({ kind: z.literal('recap'), id: stepId.optional(), facts: z.array(text).min(1) });

export const stepSchema = z.discriminatedUnion('kind', [sayStep, runStep, predictStep, taskStep, recapStep]);

export const EXAM_DOMAINS = ['development', 'security', 'deployment', 'troubleshooting-optimization'] as const;

export const scenarioSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: z.string().regex(SCENARIO_ID_PATTERN, 'an id such as "dynamodb/throttling-provisioned"'),
  title: text,
  summary: text,
  services: z.array(text).min(1),
  /** Topics of the coverage list (test/content/scenario-coverage.test.ts). */
  topics: z.array(text).min(1),
  examDomains: z.array(z.enum(EXAM_DOMAINS)).min(1),
  objectives: z.array(text).min(1),
  estimatedMinutes: z.number().int().min(1).max(120),
  setup: z
    .strictObject({
      commands: z.array(text).optional(),
      /** A SAM template in data/templates/ (needs the sandbox's SAM support; refused until then). */
      template: text.optional(),
    })
    .optional(),
  steps: z.array(stepSchema).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Check = z.infer<typeof checkSchema>;
export type LeafCheck = z.infer<typeof leafCheckSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type PredictStep = z.infer<typeof predictStep>;
export type TaskStep = z.infer<typeof taskStep>;
export type Panel = z.infer<typeof panelSchema>;
