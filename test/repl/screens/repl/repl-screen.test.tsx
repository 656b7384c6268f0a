// Proves what the learner sees in the sandbox REPL after keys, rendered with ink-testing-library inside
// act(): a command's output, a typo's ✗ error with its did-you-mean line, ↑ recalling the last command
// (also from the history file of an earlier session), Tab completing a table name from the world, and
// a second Tab listing the candidates, and `sim export FILE`. (Long work and Ctrl+C: test/e2e/repl.e2e.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../src/repl/app.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

const TAB = '\t';
const CREATE = 'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

async function renderRepl(historyDir = makeTempDir()): Promise<Rendered> {
  rendered = await renderInk(<App version="9.9.9" startInRepl historyDir={historyDir} />);
  await rendered.waitFor('sandbox›');
  return rendered;
}

/** Waits for a frame that follows a file write: polls in act() with a bounded number of short turns. */
async function waitForDisk(repl: Rendered, text: string): Promise<void> {
  for (let turn = 0; turn < 500 && !repl.frame().includes(text); turn++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  expect(repl.frame()).toContain(text);
}

describe('the sandbox REPL screen', () => {
  it('runs a typed command and shows its output under the command', async () => {
    const repl = await renderRepl();
    const frame = await repl.pressAndWaitFor('(virtual time)', 'sim clock', KEYS.enter);
    expect(frame).toContain('$ sim clock');
    expect(frame).toContain('2026-01-01T00:00:00.000Z (virtual time)');
    expect(frame).toContain('seed 1 · 2026-01-01T00:00:00.000Z (virtual)');
  });

  it('marks a typo with ✗ and suggests the nearest command', async () => {
    const repl = await renderRepl();
    const frame = await repl.pressAndWaitFor('Did you mean', 'aws dynamodb crate-table', KEYS.enter);
    expect(frame).toContain("✗ aws: error: argument operation: Invalid choice: 'crate-table', maybe you meant:");
    expect(frame).toContain('Did you mean "aws dynamodb create-table"?');
  });

  it('recalls the previous command with ↑, including those of an earlier session', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'repl-history'), 'sim region\n');
    const repl = await renderRepl(dir);
    // The earlier session's file is read in the background (slowly on a loaded machine): press ↑, each
    // press in act(), until its line shows (bounded by turns, not time), then ↓ back to an empty
    // prompt, so the typing below cannot race the read.
    for (let turn = 0; turn < 2_000 && !repl.frame().includes('sandbox› sim region'); turn++) await repl.press(KEYS.up);
    expect(repl.frame()).toContain('sandbox› sim region');
    await repl.press(KEYS.down);
    await repl.pressAndWaitFor('$ sim clock', 'sim clock', KEYS.enter);
    await repl.pressAndWaitFor('sandbox› sim clock', KEYS.up);
    await repl.pressAndWaitFor('sandbox› sim region', KEYS.up);
    await repl.waitFor('sandbox› sim region');
    // The file is written in the background; wait for it by content (bounded), not by time.
    await vi.waitFor(() => expect(readFileSync(path.join(dir, 'repl-history'), 'utf8')).toBe('sim region\nsim clock\n'));
  });

  it('completes a table name from the world with Tab, and lists candidates on a second Tab', async () => {
    const repl = await renderRepl();
    await repl.pressAndWaitFor('table/Orders', CREATE, KEYS.enter);
    await repl.pressAndWaitFor('sandbox› aws dynamodb put-item --table-name Orders', 'aws dynamodb put-item --table-name O', TAB);
    const frame = await repl.pressAndWaitFor('--return-consumed-capacity', '--ret', TAB, TAB);
    expect(frame).toContain('--retries  --return-consumed-capacity');
  });

  it('saves the lines that succeeded with sim export FILE', async () => {
    const file = path.join(makeTempDir(), 'session.sandbox');
    const repl = await renderRepl();
    await repl.pressAndWaitFor('$ sim region', 'sim region', KEYS.enter);
    await repl.pressAndWaitFor('Did you mean', 'sim regoin', KEYS.enter);
    await repl.press(`sim export ${file}`, KEYS.enter);
    await waitForDisk(repl, 'Saved 1 line(s)');
    expect(readFileSync(file, 'utf8').split('\n').slice(2)).toEqual(['sim region', '']);
  });

  it('leaves with Esc: back to the home screen when opened from there', async () => {
    rendered = await renderInk(<App version="9.9.9" />);
    await rendered.pressAndWaitFor('Type help for the commands', '6');
    await rendered.pressAndWaitFor('❯ 6. Sandbox REPL', KEYS.escape);
  });
});
