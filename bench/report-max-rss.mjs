// Preloaded into benchmarked processes: on exit, writes the process's peak resident memory (KiB) to
// file descriptor 3, which the bench opened as a pipe.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // fd 3 is not open: the process was not started by the bench.
  }
});
