// Types of bundle-options.mjs, for the TypeScript tests that bundle the way the product is built.
import type { BuildOptions } from 'esbuild';

export declare const bundleOptions: BuildOptions;
