/** Bundles `entryPoint` (TypeScript) into a self-contained ESM file `outfile` runnable by `node`. */
export function bundleForNode(entryPoint: string, outfile: string): Promise<void>;
