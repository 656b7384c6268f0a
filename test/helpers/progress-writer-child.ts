// A child process for the progress store's multi-process tests (bundled by esbuild in the test's
// beforeAll): records attempts `<label>:<start>` ... one at a time and prints each number on stdout as
// soon as its write has returned. Arguments: folder, label, start, count, compact-after-lines.
import { createLowdbRepository } from '../../src/progress/index.js';

async function main(): Promise<void> {
  const [dir = '', label = 'w', startText = '0', countText = '1', compactText = '256'] = process.argv.slice(2);
  const repo = createLowdbRepository(dir, { compactAfterLines: Number(compactText) });
  const start = Number(startText);
  for (let i = start; i < start + Number(countText); i++) {
    const result = await repo.update({
      type: 'record-attempt',
      attempt: { itemId: `${label}:${i}`, answer: 'A', isCorrect: i % 2 === 0, durationMs: i, atMs: 1_772_000_000_000 + i },
    });
    if (!result.ok) {
      process.stderr.write(`${result.problem.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${i}\n`);
  }
}

await main();
