// Keeps the learner's progress for the screens to show, and records what the scenario runner emits:
// the same changes as `trainer run --plain` (the engine's `progressChanges`), written in order through
// the repository, then re-read so the browser's markers follow.
import { useCallback, useRef, useState } from 'react';
import type { ProgressData, ProgressRepository } from '../progress/index.js';
import { progressChanges } from '../scenarios/index.js';
import type { ScenarioEvents } from './app-keys.js';

export interface ScenarioProgress {
  /** What the store holds, as last read; undefined when there is no store or it could not be read. */
  readonly progress: ProgressData | undefined;
  /** Why progress is not being saved, once a write failed. */
  readonly notice: string | undefined;
  record(batches: readonly ScenarioEvents[]): void;
  /** Reads the store again (after the quiz screens wrote to it), after the writes queued here. */
  refresh(): void;
}

export function useScenarioProgress(repository: ProgressRepository | undefined, initial: ProgressData | undefined, now: () => number): ScenarioProgress {
  const [progress, setProgress] = useState(initial);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // Writes run one after another, in the order the learner acted.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const record = useCallback(
    (batches: readonly ScenarioEvents[]) => {
      const changes = batches.flatMap((batch) => progressChanges(batch.scenarioId, batch.events, now()));
      if (repository === undefined || changes.length === 0) return;
      queue.current = queue.current.then(async () => {
        const saved = await repository.update(changes);
        if (!saved.ok) return setNotice(`Progress is not being saved: ${saved.problem.message}`);
        const loaded = await repository.load();
        if (loaded.ok) setProgress(loaded.value);
      });
    },
    [repository, now],
  );
  const refresh = useCallback(() => {
    if (repository === undefined) return;
    queue.current = queue.current.then(async () => {
      const loaded = await repository.load();
      if (loaded.ok) setProgress(loaded.value);
    });
  }, [repository]);
  return { progress, notice, record, refresh };
}
