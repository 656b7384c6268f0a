// Enforces the map's one rule: the simulator stands alone, engines never render, only the store
// touches lowdb, only cli.ts reaches the shell, and the core never reads the clock or Math.random.
// It scans every file under src/, and proves the checker itself flags each kind of violation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImportRules, importsOf, type SourceFile } from './import-rules.js';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [{ path: relative, text: readFileSync(path.join(root, relative), 'utf8') }] : [];
  });
}

describe('the import rules', () => {
  it('hold for every file under src/', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(10);
    expect(checkImportRules(files)).toEqual([]);
  });
});

describe('the checker', () => {
  const check = (file: string, text: string) => checkImportRules([{ path: file, text }]);

  it('reads static, re-export, side-effect and dynamic imports', () => {
    expect(importsOf(`import a from 'x';\nexport { b } from "./y.js";\nimport './z.js';\nconst c = await import('./w.js');`)).toEqual(['x', './y.js', './z.js', './w.js']);
  });

  it('flags the simulator importing a UI library, the disk, or another area', () => {
    expect(check('src/sim/world.ts', `import { Box } from 'ink';`)).toEqual(['src/sim/world.ts imports ink (rule 1: the simulator uses only pure packages)']);
    expect(check('src/sim/world.ts', `import fs from 'node:fs';`)).toHaveLength(1);
    expect(check('src/sim/world.ts', `import { x } from '../quiz/index.js';`)).toEqual(['src/sim/world.ts imports ../quiz/index.js (rule 1: src/sim imports nothing outside itself)']);
    expect(check('src/sim/iam/eval.ts', `import { y } from '../dynamodb/index.js';\nimport { createHash } from 'node:crypto';`)).toEqual([]);
  });

  it('flags engines that render, deep-import the simulator, or read the disk outside load.ts', () => {
    expect(check('src/quiz/grade.ts', `import chalk from 'chalk';`)).toHaveLength(1);
    expect(check('src/quiz/grade.ts', `import { t } from '../sim/dynamodb/model.js';`)).toEqual(['src/quiz/grade.ts imports ../sim/dynamodb/model.js (rule 5: import src/sim through its index.ts)']);
    expect(check('src/quiz/grade.ts', `import { readFileSync } from 'node:fs';`)).toHaveLength(1);
    expect(check('src/quiz/load.ts', `import { readFileSync } from 'node:fs';`)).toEqual([]);
    expect(check('src/quiz/grade.ts', `import { s } from '../scenarios/index.js';`)).toHaveLength(1);
  });

  it('lets scenarios and quiz share the authoring problems, which import only zod', () => {
    expect(check('src/quiz/parse.ts', `import { formatProblem } from '../authoring/index.js';`)).toEqual([]);
    expect(check('src/authoring/problems.ts', `import type { z } from 'zod';`)).toEqual([]);
    expect(check('src/authoring/problems.ts', `import { x } from '../sim/index.js';`)).toHaveLength(1);
    expect(check('src/authoring/problems.ts', `import chalk from 'chalk';`)).toHaveLength(1);
  });

  it('flags anything but cli.ts importing the shell, and the store importing the project', () => {
    expect(check('src/quiz/session.ts', `import { App } from '../repl/app.js';`)).toEqual(['src/quiz/session.ts imports ../repl/app.js (rule 4: only src/cli.ts imports the shell)']);
    expect(check('src/cli.ts', `const m = await import('./repl/index.js');`)).toEqual([]);
    expect(check('src/progress/repository.ts', `import { q } from '../quiz/index.js';`)).toHaveLength(1);
    expect(check('src/progress/repository.ts', `import { Low } from 'lowdb';\nimport lockfile from 'proper-lockfile';`)).toEqual([]);
  });

  it('flags wall-clock time and Math.random in the core, but not in comments or strings', () => {
    expect(check('src/sim/clock.ts', `const t = Date.now();`)).toEqual(['src/sim/clock.ts uses Date.now() (rule 6: the core is deterministic)']);
    expect(check('src/scenarios/runner.ts', `const r = Math.random();\nconst d = new Date();`)).toHaveLength(2);
    expect(check('src/sim/clock.ts', `// never call Date.now() here\nconst s = 'process.env';\nconst d = new Date(0);`)).toEqual([]);
    expect(check('src/repl/app.tsx', `const t = Date.now();`)).toEqual([]);
  });
});

describe('the start-up path', () => {
  it('keeps the simulator, the store and the UI out of what `trainer --version` loads', () => {
    // cli.ts and everything it imports statically (not through import()) is what every start pays for.
    const files = sourceFiles('src');
    const byPath = new Map(files.map((f) => [f.path, f]));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = byPath.get(file)?.text ?? '';
      const staticImports = [...text.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
      for (const specifier of staticImports) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '');
        const resolved = [`${target}.ts`, `${target}.tsx`].find((candidate) => byPath.has(candidate));
        if (resolved !== undefined) visit(resolved);
      }
    };
    visit('src/cli.ts');
    const heavy = [...seen].filter((file) => /^src\/(repl|progress|scenarios|quiz)\//.test(file) || (file.startsWith('src/sim/') && !file.startsWith('src/sim/cli/suggest')));
    expect(heavy).toEqual([]);
  });
});
