// Fresh folders under the system temp directory for tests that use real files, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

// Retries: a screen may still be writing a file in the background (the REPL saves its history after a
// line) when the test ends; rmSync retries ENOTEMPTY/EBUSY instead of failing the test on that race.
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 25 });
});

/** A new empty folder, deleted after the current test. */
export function makeTempDir(prefix = 'trainer-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
