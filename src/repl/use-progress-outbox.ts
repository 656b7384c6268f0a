// Writes the learning screens' outbox (learning-state.ts) to the progress store: each entry once, in
// order, one after the other. `settled()` resolves when everything queued so far is written, so the
// dashboard reads progress only after the last answer is in. A failed write is kept as a notice.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressRepository } from '../progress/index.js';
import type { OutboxEntry } from './learning-state.js';

export interface ProgressOutbox {
  /** Why the last write failed, if it did. */
  readonly notice: string | undefined;
  settled(): Promise<void>;
}

export function useProgressOutbox(repository: ProgressRepository | undefined, outbox: readonly OutboxEntry[]): ProgressOutbox {
  const writtenSeq = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [notice, setNotice] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (repository === undefined) return;
    for (const entry of outbox) {
      if (entry.seq <= writtenSeq.current) continue;
      writtenSeq.current = entry.seq;
      queue.current = queue.current.then(async () => {
        const saved = await repository.update(entry.changes);
        if (!saved.ok) setNotice(`Not saved: ${saved.problem.message}`);
      });
    }
  }, [repository, outbox]);
  const settled = useCallback(() => queue.current, []);
  return { notice, settled };
}
