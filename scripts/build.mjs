// Builds src/ into one production bundle in build/ (PLATFORM.md: ~230 ms start-up bundled vs ~510 ms
// unbundled). Code splitting keeps ink and React in a chunk that only the drawing modes load, so
// `--version`, `--help` and the plain modes start without them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'build',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // React's development build is 6.7x slower (PLATFORM.md); never ship it.
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink imports react-devtools-core only when DEV=true; stub it so the bundle does not need it.
  alias: { 'react-devtools-core': './scripts/stub-devtools.mjs' },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __trainerCreateRequire } from 'node:module'; const require = __trainerCreateRequire(import.meta.url);",
  },
});
