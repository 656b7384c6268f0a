// Builds src/ into one production bundle in build/ (PLATFORM.md: ~230 ms start-up bundled vs ~510 ms
// unbundled). Code splitting keeps ink and React in a chunk that only the drawing modes load, so
// `--version`, `--help` and the plain modes start without them; within the shell, the home screen's
// first frame loads neither the simulator nor the engines (see docs/architecture.md, Start-up path).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { bundleOptions } from './bundle-options.mjs';

rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });

await build({ ...bundleOptions, entryPoints: { cli: 'src/cli.ts' }, outdir: 'build', sourcemap: 'linked' });
