import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/helpers/setup.ts'],
    // vitest's default only refuses .only when CI is set; refuse it everywhere (STYLE.md §4).
    allowOnly: false,
    // Generous bounds for a shared 2-core machine: these are failure limits, never time assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e tests spawn pseudo-terminals; two workers suit the two cores.
    maxWorkers: 2,
  },
});
