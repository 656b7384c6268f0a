// Proves `sim help` is generated from the command table: the overview lists every sim row and aws
// service, a topic explains its rows or operations with their flags, and an unknown topic suggests.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/index.js';
import { fixtureSandbox } from '../../helpers/sandbox-fixtures.js';

describe('sim help', () => {
  it('lists every sim command and aws service', () => {
    expect(runSandboxLine(fixtureSandbox(), 'sim help').text).toMatchInlineSnapshot(`
      "Sandbox commands (sim help TOPIC for one of them):
        sim clock          Shows the virtual time.
        sim clock advance  Moves virtual time forward, running timers and background loads on the way.
        sim seed           Recreates the world (empty, clock at the start) with seed N.
        sim reset          Recreates the world with its current seed: no resources, no loads, empty trace.
        sim trace          Shows the latest trace entries: what happened, when, where, and with what outcome.
        sim region         Shows the Region commands run in.
        sim region use     Makes later commands run in another Region (global tables: each Region has its replica).
        sim load           Sends an aws command repeatedly in virtual time and reports each second: requests, succeeded, throttled, consumed capacity, gauges. In the command, {{n}} is the request number (from 1) and {{rand N}} a seeded number below N.
        sim help           Lists what the sandbox understands, or explains one command.
        sim show table     Shows a fixture table.
      AWS CLI commands:
        aws dynamodb         create-table, put-item, get-item
        aws dynamodbstreams  describe-stream
      "
    `);
  });

  it('explains a sim command, an aws service or an aws command', () => {
    expect(runSandboxLine(fixtureSandbox(), 'sim help clock').text).toMatchInlineSnapshot(`
      "sim clock
        Shows the virtual time.
        e.g. sim clock

      sim clock advance DURATION
        Moves virtual time forward, running timers and background loads on the way.
        DURATION  How far to move the clock: 500ms, 90s, 1h30m, 2d.
        e.g. sim clock advance 90s
      "
    `);
    expect(runSandboxLine(fixtureSandbox(), 'sim help get-item').text).toMatchInlineSnapshot(`
      "aws dynamodb get-item  (GetItem)
        Reads an item.
        --table-name                           The table.
        --key                                  The key.
        --consistent-read (optional)           Strongly consistent.
        --limit (optional)                     A number, to test integers.
        --return-consumed-capacity (optional)  Whether to return consumed capacity.
      "
    `);
    expect(runSandboxLine(fixtureSandbox(), 'sim help dynamodbstreams').output).toEqual({ topic: 'dynamodbstreams', topics: ['aws dynamodbstreams describe-stream'] });
  });

  it('suggests the nearest topic', () => {
    expect(runSandboxLine(fixtureSandbox(), 'sim help lod').text).toMatchInlineSnapshot(`
      "sim: error: sim help: (UnknownHelpTopic) no help for 'lod': maybe you meant: load
      "
    `);
  });
});
