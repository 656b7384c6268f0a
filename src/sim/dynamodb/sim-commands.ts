// DynamoDB's own `sim` rows: `sim show table NAME` (capacity, burst credit, partitions, throttles) and
// `sim autoscaling enable ...` (DDB-09, standing in for Application Auto Scaling). The shapes follow the
// sandbox's SimCommandSpec structurally (this branch does not have that module), so the lead can list
// `DYNAMODB_SIM_COMMANDS` in services.ts as they are.
import type { Result } from '../result.js';
import { ok } from '../result.js';
import type { World } from '../world.js';
import { enableAutoScaling } from './autoscaling-command.js';
import { describeTableCapacity, formatTableCapacity } from './describe-capacity.js';

type SimValue = string | number | boolean;

export interface DynamoDbSimRow {
  readonly words: readonly string[];
  readonly args: readonly { readonly name: string; readonly type: 'string' | 'integer'; readonly required: boolean; readonly description: string }[];
  readonly flags: readonly { readonly flag: `--${string}`; readonly type: 'string' | 'integer'; readonly required: boolean; readonly description: string }[];
  readonly summary: string;
  readonly example: string;
  readonly output: string;
  readonly run: (
    session: { readonly world: World },
    input: { readonly args: Readonly<Record<string, SimValue>>; readonly flags: Readonly<Record<string, SimValue>> },
  ) => Result<{ readonly json: Readonly<Record<string, unknown>>; readonly text: string }>;
}

const showTableRow: DynamoDbSimRow = {
  words: ['show', 'table'],
  args: [{ name: 'TABLE_NAME', type: 'string', required: true, description: 'The table to show.' }],
  flags: [],
  summary: "Shows a table's capacity: units per second, burst credit, partitions, items, throttles and auto-scaling activity.",
  example: 'sim show table Orders',
  output: 'The capacity view: billingMode, itemCount, sizeBytes, partitionCount, read/write (unitsPerSecond, usedThisSecond, burstCreditUnits, burstCreditMaxUnits, consumedUnitsTotal, throttledRequests, autoScaling), indexes, scalingActivities.',
  run: (session, input) => {
    const view = describeTableCapacity(session.world, String(input.args.TABLE_NAME));
    if (!view.ok) return view;
    return ok({ json: view.value as unknown as Readonly<Record<string, unknown>>, text: `${formatTableCapacity(view.value).join('\n')}\n` });
  },
};

const autoScalingRow: DynamoDbSimRow = {
  words: ['autoscaling', 'enable'],
  args: [],
  flags: [
    { flag: '--table-name', type: 'string', required: true, description: 'The provisioned table to scale.' },
    { flag: '--target', type: 'integer', required: true, description: 'Target utilisation in percent, 20–90 (DDB-09).' },
    { flag: '--min', type: 'integer', required: true, description: 'The fewest capacity units to scale in to.' },
    { flag: '--max', type: 'integer', required: true, description: 'The most capacity units to scale out to.' },
    { flag: '--dimension', type: 'string', required: false, description: 'Scale read, write or both (default both).' },
  ],
  summary: 'Simulator command: target-tracking auto scaling for a provisioned table (stands in for Application Auto Scaling).',
  example: 'sim autoscaling enable --table-name Orders --target 70 --min 5 --max 100',
  output: '`{TableName, TargetValue, MinCapacity, MaxCapacity, Dimension}`.',
  run: (session, input) => {
    const dimension = input.flags['dimension'];
    const answer = enableAutoScaling(session.world, {
      tableName: String(input.flags['table-name']),
      targetPercent: Number(input.flags['target']),
      minUnits: Number(input.flags['min']),
      maxUnits: Number(input.flags['max']),
      ...(dimension === 'read' || dimension === 'write' || dimension === 'both' ? { dimension } : {}),
    });
    if (!answer.ok) return answer;
    const { TableName, TargetValue, MinCapacity, MaxCapacity, Dimension } = answer.value;
    const text = `Auto scaling on ${String(TableName)} (${String(Dimension)}): target ${String(TargetValue)} %, ${String(MinCapacity)}–${String(MaxCapacity)} units\n`;
    return ok({ json: answer.value, text });
  },
};

export const DYNAMODB_SIM_COMMANDS: readonly DynamoDbSimRow[] = [showTableRow, autoScalingRow];
