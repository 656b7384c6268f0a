// Proves what `trainer repl` becomes: the REPL screen in a terminal (seed and colour passed on), and
// without one the same lines read from stdin as `trainer sim -` reads them, so the REPL is scriptable.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.js';

const tty = { isInteractive: true, env: {} };
const piped = { isInteractive: false, env: {} };

describe('parseArgs: trainer repl', () => {
  it('opens the REPL screen in a terminal, with seed 1 unless --seed', () => {
    expect(parseArgs(['repl'], tty)).toEqual({ kind: 'open-repl', useColor: true, seed: 1 });
    expect(parseArgs(['repl', '--seed', '7', '--no-color'], tty)).toEqual({ kind: 'open-repl', useColor: false, seed: 7 });
  });

  it('runs stdin like trainer sim - without a terminal, JSON Lines with --json', () => {
    expect(parseArgs(['repl'], piped)).toEqual({ kind: 'run-sandbox-script', source: '-', format: 'transcript', seed: 1 });
    expect(parseArgs(['repl', '--json', '--seed', '3'], piped)).toEqual({ kind: 'run-sandbox-script', source: '-', format: 'json', seed: 3 });
  });

  it('runs stdin like trainer sim - in a terminal too with --plain; bare trainer --plain prints what trainer can do', () => {
    expect(parseArgs(['repl', '--plain'], tty)).toEqual({ kind: 'run-sandbox-script', source: '-', format: 'transcript', seed: 1 });
    expect(parseArgs(['--plain'], tty)).toEqual({ kind: 'show-help' });
    expect(parseArgs(['progress', '--plain'], tty)).toMatchObject({ kind: 'progress' });
    expect(parseArgs(['scenarios', '--plain'], tty)).toMatchObject({ kind: 'list-scenarios' });
  });

  it('rejects arguments and a bad seed', () => {
    expect(parseArgs(['repl', 'x'], tty)).toMatchObject({ kind: 'usage-error', message: '"repl" takes at most 0 argument(s), got 1: x.' });
    expect(parseArgs(['repl', '--seed', 'x'], tty)).toMatchObject({ kind: 'usage-error', message: '"--seed" needs a whole number, got "x".' });
  });
});
