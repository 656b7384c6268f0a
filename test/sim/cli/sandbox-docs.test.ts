// Proves docs/sandbox.md is exactly what the command table renders, so the reference can never be
// stale (`npm run docs` rewrites it), and that every row and flag appears in it with its description.
import { describe, expect, it } from 'vitest';
import { defaultCommandTable, renderSandboxDocs } from '../../../src/sim/index.js';
import { FIXTURE_TABLE } from '../../helpers/sandbox-fixtures.js';

describe('docs/sandbox.md', () => {
  it('matches the command table', async () => {
    await expect(renderSandboxDocs(defaultCommandTable())).toMatchFileSnapshot('../../../docs/sandbox.md');
  });

  it('documents every operation, flag and sim row of a table', () => {
    const doc = renderSandboxDocs(FIXTURE_TABLE);
    for (const op of FIXTURE_TABLE.operations) {
      expect(doc).toContain(`\`aws ${op.service} ${op.command}\` (${op.operation})`);
      for (const param of op.params) expect(doc).toContain(`| \`${param.flag}\` | ${param.member} |`);
    }
    for (const row of FIXTURE_TABLE.simCommands) {
      expect(doc).toContain(`### \`sim ${row.words.join(' ')}\``);
      for (const flag of row.flags) expect(doc).toContain(`| \`${flag.flag}\` | ${flag.type} |`);
    }
  });
});
