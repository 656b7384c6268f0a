// The esbuild options of trainer's production bundle, shared by scripts/build.mjs and the bench (which
// bundles its ink hello-world the same way, so the start-up comparison is fair).
import { fileURLToPath } from 'node:url';

const STUB_DEVTOOLS = fileURLToPath(new URL('./stub-devtools.mjs', import.meta.url));

export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // React's development build is 6.7x slower (PLATFORM.md); never ship it.
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink imports react-devtools-core only when DEV=true; stub it so the bundle does not need it.
  alias: { 'react-devtools-core': STUB_DEVTOOLS },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __trainerCreateRequire } from 'node:module'; const require = __trainerCreateRequire(import.meta.url);",
  },
};
