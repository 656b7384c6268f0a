// Proves that argv becomes the right Invocation: the UI only with a terminal, plain help without one,
// and exit-2 usage errors that name the bad word and suggest the nearest valid one.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.js';

const tty = { isInteractive: true, env: {} };
const piped = { isInteractive: false, env: {} };

describe('parseArgs', () => {
  it('opens the UI in a terminal, in colour by default', () => {
    expect(parseArgs([], tty)).toEqual({ kind: 'open-ui', useColor: true });
  });

  it('turns colour off for NO_COLOR with any non-empty value, or --no-color', () => {
    expect(parseArgs([], { isInteractive: true, env: { NO_COLOR: '1' } })).toEqual({ kind: 'open-ui', useColor: false });
    expect(parseArgs([], { isInteractive: true, env: { NO_COLOR: '' } })).toEqual({ kind: 'open-ui', useColor: true });
    expect(parseArgs(['--no-color'], tty)).toEqual({ kind: 'open-ui', useColor: false });
  });

  it('prints plain help instead of drawing when there is no terminal', () => {
    expect(parseArgs([], piped)).toEqual({ kind: 'show-no-terminal-help' });
  });

  it('accepts --version/-v and --help/-h anywhere, help winning over version', () => {
    expect(parseArgs(['--version'], piped)).toEqual({ kind: 'show-version' });
    expect(parseArgs(['-v'], tty)).toEqual({ kind: 'show-version' });
    expect(parseArgs(['-h'], tty)).toEqual({ kind: 'show-help' });
    expect(parseArgs(['--version', '--help'], tty)).toEqual({ kind: 'show-help' });
  });

  it('shows help for one command with `help COMMAND` or `COMMAND --help`', () => {
    expect(parseArgs(['help', 'help'], tty)).toEqual({ kind: 'show-help', command: 'help' });
    expect(parseArgs(['help', '--help'], tty)).toEqual({ kind: 'show-help', command: 'help' });
  });

  it('suggests the nearest command for a typo', () => {
    expect(parseArgs(['hlep'], tty)).toMatchInlineSnapshot(`
      {
        "hint": "Did you mean "help"? Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "unknown command "hlep".",
      }
    `);
  });

  it('suggests the nearest option for a typo', () => {
    expect(parseArgs(['--verison'], tty)).toMatchInlineSnapshot(`
      {
        "hint": "Did you mean "--version"? Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "unknown option "--verison".",
      }
    `);
  });

  it('points at --help when nothing is close', () => {
    expect(parseArgs(['--frobnicate'], tty)).toMatchInlineSnapshot(`
      {
        "hint": "Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "unknown option "--frobnicate".",
      }
    `);
  });

  it('refuses extra arguments and help for a command that does not exist', () => {
    expect(parseArgs(['help', 'a', 'b'], tty)).toMatchObject({ kind: 'usage-error', message: '"help" takes at most 1 argument(s), got 2: a b.' });
    expect(parseArgs(['help', 'hepl'], tty)).toMatchObject({ kind: 'usage-error', hint: expect.stringContaining('Did you mean "help"?') });
  });
});

describe('parseArgs: trainer sim', () => {
  it('runs a file or stdin, as a transcript by default, JSON Lines with --json, seed 1 unless --seed', () => {
    expect(parseArgs(['sim', 'demo.sandbox'], piped)).toEqual({ kind: 'run-sandbox-script', source: 'demo.sandbox', format: 'transcript', seed: 1 });
    expect(parseArgs(['sim', '-', '--json', '--seed', '42'], tty)).toEqual({ kind: 'run-sandbox-script', source: '-', format: 'json', seed: 42 });
  });

  it('explains a missing FILE, a missing or bad seed, and suggests sim flags', () => {
    expect(parseArgs(['sim'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": ""sim" needs a FILE to run (or - to read stdin).",
      }
    `);
    expect(parseArgs(['sim', 'x', '--seed'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "option "--seed" needs a value (--seed N).",
      }
    `);
    expect(parseArgs(['sim', 'x', '--seed', 'abc'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": ""--seed" needs a whole number, got "abc".",
      }
    `);
    expect(parseArgs(['sim', 'x', '--jsno'], piped)).toMatchInlineSnapshot(`
      {
        "hint": "Did you mean "--json"? Run "trainer --help" to see what trainer accepts.",
        "kind": "usage-error",
        "message": "unknown option "--jsno".",
      }
    `);
  });
});

describe('parseArgs for progress and reset', () => {
  it('reads the progress actions and --json', () => {
    expect([
      parseArgs(['progress'], piped),
      parseArgs(['progress', '--json'], piped),
      parseArgs(['progress', '--path'], piped),
      parseArgs(['progress', 'export', 'mine.json'], piped),
      parseArgs(['progress', 'import', 'mine.json', '--json'], tty),
    ]).toMatchInlineSnapshot(`
      [
        {
          "action": {
            "type": "summary",
          },
          "isJson": false,
          "kind": "progress",
        },
        {
          "action": {
            "type": "summary",
          },
          "isJson": true,
          "kind": "progress",
        },
        {
          "action": {
            "type": "path",
          },
          "isJson": false,
          "kind": "progress",
        },
        {
          "action": {
            "file": "mine.json",
            "type": "export",
          },
          "isJson": false,
          "kind": "progress",
        },
        {
          "action": {
            "file": "mine.json",
            "type": "import",
          },
          "isJson": true,
          "kind": "progress",
        },
      ]
    `);
  });

  it('refuses a missing FILE, an unknown progress command and --path with a subcommand', () => {
    expect([
      parseArgs(['progress', 'export'], piped),
      parseArgs(['progress', 'exprot', 'x.json'], piped),
      parseArgs(['progress', 'import', 'x.json', '--path'], piped),
    ]).toMatchInlineSnapshot(`
      [
        {
          "hint": "Run "trainer --help" to see what trainer accepts.",
          "kind": "usage-error",
          "message": ""progress export" needs a FILE, e.g. "trainer progress export progress-backup.json".",
        },
        {
          "hint": "Did you mean "export"? Run "trainer --help" to see what trainer accepts.",
          "kind": "usage-error",
          "message": "unknown progress command "exprot": use "progress export FILE" or "progress import FILE".",
        },
        {
          "hint": "Run "trainer --help" to see what trainer accepts.",
          "kind": "usage-error",
          "message": ""progress import" does not take --path.",
        },
      ]
    `);
  });

  it('asks for confirmation of reset in a terminal, refuses without one, and skips asking with --yes/-y', () => {
    expect(parseArgs(['reset'], tty)).toEqual({ kind: 'reset', confirmation: 'ask' });
    expect(parseArgs(['reset'], piped)).toEqual({ kind: 'reset', confirmation: 'missing' });
    expect(parseArgs(['reset', '--yes'], piped)).toEqual({ kind: 'reset', confirmation: 'given' });
    expect(parseArgs(['reset', '-y'], tty)).toEqual({ kind: 'reset', confirmation: 'given' });
    expect(parseArgs(['reset', 'now'], tty)).toMatchObject({ kind: 'usage-error', message: '"reset" takes at most 0 argument(s), got 1: now.' });
  });
});
