// Runs before every test file. React warns through console.error when a state update escapes act();
// such a test would be timing-dependent, so the warning fails it (as Gemini CLI's test setup does).
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const actWarnings: string[] = [];
const originalError = console.error;
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (text.includes('not wrapped in act(') || text.includes('act(...)')) actWarnings.push(text);
  originalError(...args);
};

afterEach(() => {
  const found = actWarnings.splice(0);
  if (found.length > 0) throw new Error(`React act() warning(s) in this test:\n${found.join('\n')}`);
});

// Property tests explore new random cases on every local run, but CI must pass or fail for a reason
// in the code, never by the luck of the draw: under CI the seed is fixed (FC_SEED overrides it, to
// replay a failure seen elsewhere).
import fc from 'fast-check';

const fixedSeed = process.env['FC_SEED'] ?? (process.env['CI'] ? '20261124' : undefined);
if (fixedSeed !== undefined) fc.configureGlobal({ seed: Number(fixedSeed) });
