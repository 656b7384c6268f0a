// The dependency rules of ARCHITECTURE.md / STYLE.md §3.3 as a checker over source text. Kept apart
// from the test so the test can prove the checker catches each kind of violation.
import path from 'node:path';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes: `src/sim/world.ts`. */
  readonly path: string;
  readonly text: string;
}

const UI_PACKAGES = ['ink', 'react', 'chalk', 'ink-text-input', 'ink-testing-library', '@inkjs/ui'];
const SIM_PACKAGES = ['yaml', 'pure-rand'];
const SIM_NODE_MODULES = ['node:crypto'];
const ENGINE_PACKAGES = ['zod', 'yaml', 'ts-fsrs'];
const PROGRESS_PACKAGES = ['lowdb', 'lowdb/node', 'proper-lockfile', 'zod'];
/**
 * Files other areas may import directly besides an area's index.ts: dependency-free leaves whose
 * index would load far more (src/sim/index.ts registers every service), kept off the start-up path.
 */
const LEAF_ENTRIES = ['src/sim/cli/suggest.js', 'src/sim/cli/suggest.ts'];

const BANNED_CALLS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bsetInterval\s*\(/, 'setInterval'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bprocess\.\w+/, 'process.*'],
];

export function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier !== undefined) specifiers.push(specifier);
  }
  return specifiers;
}

function withoutCommentsAndStrings(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
}

/** `src/sim/dynamodb/x.ts` → `sim`; `src/cli.ts` → `cli`. */
function areaOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return 'outside';
  return parts.length === 2 ? path.basename(parts[1] ?? '', path.extname(parts[1] ?? '')) : (parts[1] ?? '');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function checkImportRules(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const area = areaOf(file.path);
    const isLoader = path.basename(file.path) === 'load.ts';
    for (const specifier of importsOf(file.text)) {
      const problem = judgeImport(file.path, area, specifier, isLoader);
      if (problem !== undefined) problems.push(`${file.path} imports ${specifier} (${problem})`);
    }
    if (area === 'sim' || area === 'scenarios' || area === 'quiz') {
      const code = withoutCommentsAndStrings(file.text);
      for (const [pattern, name] of BANNED_CALLS) {
        if (pattern.test(code)) problems.push(`${file.path} uses ${name} (rule 6: the core is deterministic)`);
      }
    }
  }
  return problems;
}

function judgeImport(file: string, area: string, specifier: string, isLoader: boolean): string | undefined {
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const targetArea = areaOf(target);
    if (targetArea === area) return undefined;
    if (targetArea === 'outside') return area === 'cli' ? undefined : 'only src/cli.ts imports files outside src/ (package.json)';
    if (targetArea === 'repl' && area !== 'cli') return 'rule 4: only src/cli.ts imports the shell';
    if (area === 'sim') return 'rule 1: src/sim imports nothing outside itself';
    if (area === 'progress') return 'rule 3: src/progress imports nothing else from the project';
    const isIndex = /^src\/[^/]+\/index\.(js|ts)$/.test(target) || LEAF_ENTRIES.includes(target);
    if (!isIndex) return `rule 5: import src/${targetArea} through its index.ts`;
    if ((area === 'scenarios' || area === 'quiz') && targetArea !== 'sim' && targetArea !== 'authoring') {
      return 'rule 2: scenarios and quiz import only the simulator and the authoring problems';
    }
    if (area === 'authoring') return 'rule 7: src/authoring imports nothing else from the project';
    return undefined;
  }
  const name = packageName(specifier);
  if (area === 'sim') {
    return SIM_PACKAGES.includes(name) || SIM_NODE_MODULES.includes(specifier) ? undefined : 'rule 1: the simulator uses only pure packages';
  }
  if (area === 'scenarios' || area === 'quiz') {
    if (specifier.startsWith('node:')) return isLoader ? undefined : 'rule 2: only load.ts reads the disk';
    return ENGINE_PACKAGES.includes(name) ? undefined : 'rule 2: engines never render or touch the store';
  }
  if (area === 'authoring') return name === 'zod' ? undefined : 'rule 7: src/authoring uses only zod';
  if (area === 'progress') {
    return specifier.startsWith('node:') || PROGRESS_PACKAGES.includes(specifier) || PROGRESS_PACKAGES.includes(name)
      ? undefined
      : 'rule 3: the store uses only lowdb, proper-lockfile, zod and node';
  }
  if (area === 'cli' && UI_PACKAGES.includes(name)) return 'the plain paths of cli.ts must not load the UI (import src/repl lazily)';
  return undefined;
}
