// Proves the REPL history file on real temp folders: a missing file is an empty history, the last
// 1,000 lines are kept, and a file that cannot be read or written answers a problem (never throws),
// leaving a broken file as it is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_LINES, historyFile, loadReplHistory, parseHistoryText, saveReplHistory, saveTextFile } from '../../src/progress/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('the REPL history file', () => {
  it('is empty before the first save, and round-trips what was saved', async () => {
    const dir = makeTempDir();
    expect(await loadReplHistory(dir)).toEqual({ ok: true, value: [] });
    expect(await saveReplHistory(dir, ['sim clock', 'aws dynamodb list-tables'])).toEqual({ ok: true, value: null });
    expect(await loadReplHistory(dir)).toEqual({ ok: true, value: ['sim clock', 'aws dynamodb list-tables'] });
  });

  it('keeps the newest 1,000 lines', async () => {
    const dir = makeTempDir();
    const lines = Array.from({ length: 1_200 }, (_, i) => `sim clock advance ${i}s`);
    await saveReplHistory(dir, lines);
    const loaded = await loadReplHistory(dir);
    expect(MAX_HISTORY_LINES).toBe(1_000);
    expect(loaded.ok && loaded.value.length).toBe(1_000);
    expect(loaded.ok && loaded.value[0]).toBe('sim clock advance 200s');
    expect(parseHistoryText('a\r\n\r\nb\n', 1)).toEqual(['b']);
  });

  it('reports a file that is not text, and leaves it untouched', async () => {
    const dir = makeTempDir();
    writeFileSync(historyFile(dir), Buffer.from([0, 1, 2]));
    const loaded = await loadReplHistory(dir);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problem.replace(dir, 'DIR')).toMatchInlineSnapshot(`"the history file DIR/repl-history is not text; it is left as it is, and this session's history is not saved"`);
    expect(readFileSync(historyFile(dir))).toEqual(Buffer.from([0, 1, 2]));
  });

  it('reports a history path it cannot read or write instead of throwing', async () => {
    const dir = makeTempDir();
    mkdirSync(historyFile(dir));
    const loaded = await loadReplHistory(dir);
    expect(!loaded.ok && loaded.problem.replace(dir, 'DIR')).toMatch(/^cannot read the history file DIR\/repl-history \(.*\); this session's history is not saved$/);
    const saved = await saveReplHistory(dir, ['x']);
    expect(!saved.ok && saved.problem.replace(dir, 'DIR')).toMatch(/^cannot save the history to DIR\/repl-history \(.*\); this session's commands still work$/);
  });

  it('writes an exported script relative to the working folder', async () => {
    const dir = makeTempDir();
    const saved = await saveTextFile(dir, 'out/session.sandbox', 'sim clock\n');
    expect(saved).toEqual({ ok: true, value: path.join(dir, 'out', 'session.sandbox') });
    expect(readFileSync(path.join(dir, 'out', 'session.sandbox'), 'utf8')).toBe('sim clock\n');
    writeFileSync(path.join(dir, 'file'), '');
    expect((await saveTextFile(dir, 'file/x', '')).ok).toBe(false);
  });
});
