#!/usr/bin/env node
// The committed launcher: it only loads the built bundle, so `npx trainer` never depends on a build-time
// file being executable, and a missing build gets a clear message instead of a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../build/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'trainer: the built program is missing (build/cli.js).\n' +
      'Run `npm install` (it builds automatically) or `npm run build` in the trainer folder, then try again.\n',
  );
  process.exit(1);
}
await import(bundle.href);
