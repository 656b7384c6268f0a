// `npm run bench`: runs every case in bench/cases and prints one table per case. Figures and ratios
// only: nothing here passes or fails on time. Usage: npm run bench [-- --runs N] [-- CASE ...]
import { readdirSync } from 'node:fs';
import { formatTable } from './lib.mjs';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 11;
const only = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs');

const cases = readdirSync(new URL('./cases/', import.meta.url))
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => file.replace(/\.mjs$/, ''))
  .filter((name) => only.length === 0 || only.includes(name));

console.log(`trainer bench · node ${process.version} · ${runs} runs per figure (medians)\n`);
for (const name of cases) {
  const { default: run } = await import(`./cases/${name}.mjs`);
  const rows = await run({ runs });
  console.log(`## ${name}\n${formatTable(rows)}\n`);
}
