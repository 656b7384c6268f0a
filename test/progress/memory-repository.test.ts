// Proves the in-memory repository other layers test against behaves like the disk store: changes are
// applied with the same code, loads return copies, a pretended problem blocks loads and updates until
// a reset, and a newer-version problem refuses reset as the disk store does.
import { describe, expect, it } from 'vitest';
import { createMemoryRepository, type ProgressProblem } from '../../src/progress/index.js';
import { attempt, T0_MS } from './fixtures.js';

const CORRUPT: ProgressProblem = { kind: 'corrupt', path: '/p/progress.json', movedTo: '/p/progress.json.corrupt-1', message: 'corrupt' };
const NEWER: ProgressProblem = { kind: 'newer-version', path: '/p/progress.json', fileVersion: 3, message: 'newer' };

describe('createMemoryRepository', () => {
  it('records changes and returns copies that callers cannot change by accident', async () => {
    const repo = createMemoryRepository();
    await repo.update([attempt('q:a', T0_MS), attempt('q:b', T0_MS, false)]);
    const loaded = await repo.load();
    if (loaded.ok) loaded.value.items.push('q:sneaky');
    expect(repo.current().items).toEqual(['q:a', 'q:b']);
    expect(repo.current().attempts.map((a) => a[2])).toEqual([1, 0]);
  });

  it('pretends a corrupt file until reset', async () => {
    const repo = createMemoryRepository({ problem: CORRUPT });
    expect(await repo.load()).toEqual({ ok: false, problem: CORRUPT });
    expect(await repo.update(attempt('q:a', T0_MS))).toEqual({ ok: false, problem: CORRUPT });
    expect(await repo.reset()).toEqual({ ok: true, value: { backupPath: null } });
    expect((await repo.load()).ok).toBe(true);
  });

  it('refuses to reset a newer-version file', async () => {
    const repo = createMemoryRepository({ problem: NEWER });
    expect(await repo.reset()).toEqual({ ok: false, problem: NEWER });
  });
});
