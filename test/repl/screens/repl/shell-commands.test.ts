// Proves the REPL's own words read from a line (help → sim help, sim export FILE, a missing FILE) and
// the exported script: a header, then the lines that succeeded, which `trainer sim` runs to the same
// world; also how the slice length of long work adapts to how long a slice took.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../../src/sim/index.js';
import { exportScript, readShellCommand } from '../../../../src/repl/screens/repl/shell-commands.js';
import { nextSliceMs } from '../../../../src/repl/screens/repl/use-sandbox-runner.js';

describe('readShellCommand', () => {
  it('turns help into sim help and reads sim export FILE', () => {
    expect(readShellCommand('help')).toEqual({ kind: 'sandbox', line: 'sim help', isRecorded: false });
    expect(readShellCommand('help put-item')).toEqual({ kind: 'sandbox', line: 'sim help put-item', isRecorded: false });
    expect(readShellCommand("sim export 'my session.sandbox'")).toEqual({ kind: 'export', file: 'my session.sandbox' });
    expect(readShellCommand('sim export')).toEqual({ kind: 'export-usage' });
    expect(readShellCommand('sim clock')).toEqual({ kind: 'sandbox', line: 'sim clock', isRecorded: true });
    expect(readShellCommand('sim help load').kind === 'sandbox' && readShellCommand('sim help load')).toMatchObject({ isRecorded: false });
  });
});

describe('exportScript', () => {
  it('saves the lines that succeeded as a script that rebuilds the same world', () => {
    const lines = ['sim seed 9', 'aws s3api create-bucket --bucket photos', 'sim clock advance 1h'];
    const repl = createSandbox();
    for (const line of lines) expect(runSandboxLine(repl, line).ok).toBe(true);
    const script = exportScript(lines, '2026-11-25T02:00:00.000Z');
    expect(script).toMatchInlineSnapshot(`
      "# Saved from trainer repl at 2026-11-25T02:00:00.000Z: the 3 line(s) that ran without an error.
      # Run it again with: trainer sim THIS_FILE
      sim seed 9
      aws s3api create-bucket --bucket photos
      sim clock advance 1h
      "
    `);
    const replayed = createSandbox();
    expect(runSandboxScript(replayed, script).hasParseError).toBe(false);
    expect(replayed.world.snapshot()).toEqual(repl.world.snapshot());
  });
});

describe('nextSliceMs', () => {
  it('aims at 8 ms: grows fast slices up to 4×, cuts slow ones to size down to a sixteenth, within 1 ms and 1 h', () => {
    expect(nextSliceMs(1_000, 0)).toBe(4_000);
    expect(nextSliceMs(1_000, 4)).toBe(2_000);
    expect(nextSliceMs(1_000, 8)).toBe(1_000);
    expect(nextSliceMs(1_000, 80)).toBe(100);
    expect(nextSliceMs(1_000, 1_000)).toBe(62);
    expect(nextSliceMs(2, 1_000)).toBe(1);
    expect(nextSliceMs(3_000_000, 1)).toBe(3_600_000);
  });
});
