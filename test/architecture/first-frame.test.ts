// Proves the shell's first frame stays light: bundled as the product is (scripts/bundle-options.mjs,
// esbuild's metafile), the chunks the shell's entry loads statically hold ink, React and the home screen,
// and none of the simulator, the scenario and quiz engines, the progress store or zod, which come in the
// chunk loaded after the frame (shell-loader.ts). A stray runtime import in boot.tsx would fail here.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

/** Every output chunk reached from `start` through static imports only. */
function staticClosure(metafile: Metafile, start: string): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const imported of metafile.outputs[next]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external === true || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

describe('the first frame of the shell', () => {
  it('loads no simulator, engine, progress store or zod before it is drawn', async () => {
    const { metafile } = await build({ ...bundleOptions, entryPoints: { cli: 'src/cli.ts' }, outdir: 'build-first-frame-check', write: false, metafile: true });
    if (metafile === undefined) throw new Error('esbuild gave no metafile');
    const outputs = Object.entries(metafile.outputs);
    const shellEntry = outputs.find(([, output]) => Object.keys(output.inputs).includes('src/repl/boot.tsx'))?.[0];
    expect(shellEntry).toBeDefined();
    const inputs = staticClosure(metafile, shellEntry ?? '').flatMap((chunk) => Object.keys(metafile.outputs[chunk]?.inputs ?? {}));
    expect(inputs).toContain('src/repl/screens/home/home-screen.tsx');
    expect(inputs.some((input) => input.startsWith('node_modules/ink/'))).toBe(true);
    const heavy = inputs.filter((input) => /^src\/(sim|scenarios|quiz|progress)\/|^node_modules\/(zod|yaml|ts-fsrs)\//.test(input));
    expect(heavy).toEqual([]);
    // …and they are all in the chunk loaded after the frame.
    const later = outputs.find(([, output]) => Object.keys(output.inputs).includes('src/repl/shell-loader.ts'))?.[0];
    expect(later).not.toBe(shellEntry);
  });
});
