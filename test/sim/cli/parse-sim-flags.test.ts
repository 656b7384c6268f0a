// Proves the sim parser's short aliases and repeatable flags (added for `sim http -H ... -H ...`):
// `-H` reads as `--header`, repeated values arrive joined by newlines, a quoted '-H' stays a value, and a
// flag that is not repeatable keeps its last value as before.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/sim/cli/parse.js';
import type { ParsedCommand } from '../../../src/sim/cli/parse-result.js';
import { defaultCommandTable } from '../../../src/sim/cli/command-table.js';
import { NO_FILES } from '../../../src/sim/index.js';

function simFlags(line: string): Readonly<Record<string, unknown>> {
  const parsed = parseLine(line, { table: defaultCommandTable(), io: NO_FILES }) as ParsedCommand;
  if (parsed.kind !== 'sim') throw new Error(`expected a sim command, got ${JSON.stringify(parsed)}`);
  return parsed.input.flags;
}

describe('short and repeatable sim flags', () => {
  it('joins repeated -H / --header values with newlines', () => {
    expect(simFlags("sim http GET /x -H 'A: 1' --header 'B: 2' -d body")).toEqual({ header: 'A: 1\nB: 2', data: 'body' });
  });

  it('keeps the last value of a flag that is not repeatable', () => {
    expect(simFlags('sim http GET /x --stage a --stage b')).toEqual({ stage: 'b' });
  });
});
