// Proves the scenario rows of the command line: `scenarios [--json]`, `scenarios validate [PATH]` and
// `run ID [--plain|--json] [--seed N]` become the right Invocation, a terminal without --plain is
// announced as plain mode, and bad input is a usage error naming the problem.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.js';

const tty = { isInteractive: true, env: {} };
const piped = { isInteractive: false, env: {} };

describe('parseArgs for scenarios', () => {
  it('lists scenarios as a table or JSON', () => {
    expect(parseArgs(['scenarios'], piped)).toEqual({ kind: 'list-scenarios', isJson: false });
    expect(parseArgs(['scenarios', '--json'], tty)).toEqual({ kind: 'list-scenarios', isJson: true });
  });

  it('validates the library or a path', () => {
    expect(parseArgs(['scenarios', 'validate'], piped)).toEqual({ kind: 'validate-scenarios' });
    expect(parseArgs(['scenarios', 'validate', 'my-pack/'], piped)).toEqual({ kind: 'validate-scenarios', path: 'my-pack/' });
  });

  it('refuses unknown scenarios subcommands with a suggestion, and --json on validate', () => {
    expect(parseArgs(['scenarios', 'valdate'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Did you mean "validate"? Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "unknown scenarios command "valdate": use "scenarios" or "scenarios validate [PATH]".",
      }
    `);
    expect(parseArgs(['scenarios', 'validate', '--json'], piped)).toMatchObject({ kind: 'usage-error', message: '"scenarios validate" does not take --json.' });
  });

  it('runs a scenario in plain or JSON mode with a seed', () => {
    expect(parseArgs(['run', 'dynamodb/ttl', '--plain'], piped)).toEqual({ kind: 'run-scenario', id: 'dynamodb/ttl', format: 'plain', seed: 1, useShell: false });
    expect(parseArgs(['run', 'dynamodb/ttl', '--json', '--seed', '7'], tty)).toEqual({ kind: 'run-scenario', id: 'dynamodb/ttl', format: 'json', seed: 7, useShell: false });
    expect(parseArgs(['run', 'dynamodb/ttl'], piped)).toEqual({ kind: 'run-scenario', id: 'dynamodb/ttl', format: 'plain', seed: 1, useShell: false });
  });

  it('announces plain mode when a terminal asks for the interactive runner', () => {
    expect(parseArgs(['run', 'dynamodb/ttl'], tty)).toEqual({ kind: 'run-scenario', id: 'dynamodb/ttl', format: 'plain', seed: 1, useShell: true });
  });

  it('explains a missing id, two formats and a bad seed', () => {
    expect(parseArgs(['run'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": ""run" needs a scenario ID, e.g. "trainer run dynamodb/throttling-provisioned" ("trainer scenarios" lists them).",
      }
    `);
    expect(parseArgs(['run', 'x/y', '--plain', '--json'], piped)).toMatchObject({ message: '"run" takes --plain or --json, not both.' });
    expect(parseArgs(['run', 'x/y', '--seed', 'abc'], piped)).toMatchObject({ message: '"--seed" needs a whole number, got "abc".' });
    expect(parseArgs(['run', 'x/y', '--plan'], piped)).toMatchObject({ message: 'unknown option "--plan".', hint: 'Did you mean "--plain"? Run "trainer --help" to see what trainer accepts.' });
  });
});
