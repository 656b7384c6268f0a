// Bundles one TypeScript entry point into a self-contained ESM file for Node (all dependencies inside,
// with a `require` for the CommonJS ones). Used where a plain `node` process must run source code
// without a build: the progress store's multi-process tests and its bench.
import { build } from 'esbuild';

export async function bundleForNode(entryPoint, outfile) {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}
