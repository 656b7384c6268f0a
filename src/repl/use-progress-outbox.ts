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
  /**
   * Queues the entries of `outbox` not yet written, at once (quitting calls it: the app unmounts
   * before an effect would run); resolves when everything is written.
   */
  flush(outbox: readonly OutboxEntry[]): Promise<void>;
}

export function useProgressOutbox(repository: ProgressRepository | undefined, outbox: readonly OutboxEntry[]): ProgressOutbox {
  const writtenSeq = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const flush = useCallback(
    (entries: readonly OutboxEntry[]) => {
      if (repository === undefined) return queue.current;
      for (const entry of entries) {
        if (entry.seq <= writtenSeq.current) continue;
        writtenSeq.current = entry.seq;
        queue.current = queue.current.then(async () => {
          const saved = await repository.update(entry.changes);
          if (!saved.ok) setNotice(`Not saved: ${saved.problem.message}`);
        });
      }
      return queue.current;
    },
    [repository],
  );
  useEffect(() => {
    void flush(outbox);
  }, [flush, outbox]);
  const settled = useCallback(() => queue.current, []);
  return { notice, settled, flush };
}
