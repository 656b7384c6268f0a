// The only part of src/scenarios that reads the disk: finds the library (data/scenarios/ in the
// package) and the learner's packs ($TRAINER_HOME/scenarios/), reads every .yaml file and parses it.
// A bad file becomes problems; every other file still loads. Nothing in a pack is executed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxIo } from '../sim/index.js';
import { TEMPLATE_NAME, parseScenario } from './parse.js';
import type { AuthorProblem as ScenarioProblem } from '../authoring/index.js';
import type { Scenario } from './schema.js';

export type ScenarioOrigin = 'library' | 'pack';

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The file as shown in messages. */
  readonly file: string;
  readonly origin: ScenarioOrigin;
}

export interface LoadReport {
  readonly scenarios: readonly LoadedScenario[];
  readonly problems: readonly ScenarioProblem[];
}

/** Bounds on what a folder walk reads (a pack is learner input). */
const MAX_DEPTH = 4;
const MAX_FILES = 2_000;

/**
 * The package root: the nearest folder above `from` holding trainer's package.json. Works from the
 * bundle (`build/cli.js`, `build/chunk-*.js`) and from the sources (`src/scenarios/load.ts`), so
 * neither layout is assumed. At most 8 levels up.
 */
export function findPackageRoot(from: string | URL = import.meta.url): string | undefined {
  let dir = path.dirname(typeof from === 'string' && !from.startsWith('file:') ? path.resolve(from) : fileURLToPath(from));
  for (let level = 0; level < 8; level++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && isTrainerManifest(manifest)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function isTrainerManifest(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'trainer';
  } catch {
    return false;
  }
}

/** `data/scenarios/` of the package (undefined when the package cannot be found). */
export function libraryDir(from: string | URL = import.meta.url): string | undefined {
  const root = findPackageRoot(from);
  return root === undefined ? undefined : path.join(root, 'data', 'scenarios');
}

/** `data/templates/` of the package: the SAM templates scenarios deploy (`setup.template`). */
export function templatesDir(from: string | URL = import.meta.url): string | undefined {
  const root = findPackageRoot(from);
  return root === undefined ? undefined : path.join(root, 'data', 'templates');
}

/**
 * The files a scenario's sandbox may read: plain names in the templates folder, nothing else (a pack is
 * learner input, so a name with a folder in it is refused rather than resolved).
 */
export function templateFiles(dir: string | undefined = templatesDir()): SandboxIo {
  return {
    readText: (name) => {
      const missing = { ok: false as const, message: `[Errno 2] No such file or directory: '${name}'` };
      if (dir === undefined || !TEMPLATE_NAME.test(name)) return missing;
      try {
        return { ok: true, value: readFileSync(path.join(dir, name), 'utf8') };
      } catch {
        return missing;
      }
    },
  };
}

/** Every .yaml/.yml file under `dir`, sorted, depth- and count-bounded. */
export function scenarioFilesIn(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string, depth: number): void => {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (/\.ya?ml$/.test(entry.name) && files.length < MAX_FILES) files.push(full);
    }
  };
  if (existsSync(dir)) walk(dir, 0);
  return files;
}

function templateNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => TEMPLATE_NAME.test(name)).sort() : [];
}

function loadFile(file: string, shownAs: string, origin: ScenarioOrigin): LoadedScenario | ScenarioProblem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [{ file: shownAs, path: '(file)', expected: 'a readable file', found: error instanceof Error ? error.message : String(error) }];
  }
  const outcome = parseScenario(text, shownAs);
  if (!('scenario' in outcome)) return [...outcome.problems];
  const template = outcome.scenario.setup?.template;
  const dir = templatesDir();
  if (template !== undefined && dir !== undefined && !existsSync(path.join(dir, template))) {
    return [{ file: shownAs, path: 'setup.template', expected: `a template in data/templates/ (${templateNames(dir).join(', ')})`, found: JSON.stringify(template) }];
  }
  return { scenario: outcome.scenario, file: shownAs, origin };
}

export interface ScenarioSource {
  /** A folder (walked) or a single file. */
  readonly location: string;
  readonly origin: ScenarioOrigin;
  /** How a file's path is shown in messages. @default the path relative to `location`'s parent */
  readonly display?: (file: string) => string;
}

/** Loads every source in order; a later scenario with an id already loaded is a problem and is left out. */
export function loadScenarios(sources: readonly ScenarioSource[]): LoadReport {
  const scenarios: LoadedScenario[] = [];
  const problems: ScenarioProblem[] = [];
  const byId = new Map<string, string>();
  for (const source of sources) {
    const isFile = existsSync(source.location) && statSync(source.location).isFile();
    const files = isFile ? [source.location] : scenarioFilesIn(source.location);
    const display = source.display ?? ((file: string) => path.relative(path.dirname(source.location), file));
    for (const file of files) {
      const loaded = loadFile(file, display(file), source.origin);
      if (Array.isArray(loaded)) {
        problems.push(...loaded);
        continue;
      }
      const first = byId.get(loaded.scenario.id);
      if (first !== undefined) {
        problems.push({ file: loaded.file, path: 'id', expected: `an id no other scenario uses (${first} has it)`, found: JSON.stringify(loaded.scenario.id) });
        continue;
      }
      byId.set(loaded.scenario.id, loaded.file);
      scenarios.push(loaded);
    }
  }
  return { scenarios, problems };
}

export interface LibraryOptions {
  /** The learner's folder ($TRAINER_HOME); its `scenarios/` subfolder holds their packs. */
  readonly userDir?: string;
  /** Overrides where the library is (tests). @default data/scenarios of the package */
  readonly libraryDir?: string;
}

/** The library, then the learner's packs. */
export function loadLibrary(options: LibraryOptions = {}): LoadReport {
  const library = options.libraryDir ?? libraryDir();
  const sources: ScenarioSource[] = [];
  if (library !== undefined) {
    const root = path.dirname(path.dirname(library));
    sources.push({ location: library, origin: 'library', display: (file) => path.relative(root, file) });
  }
  if (options.userDir !== undefined) {
    sources.push({ location: path.join(options.userDir, 'scenarios'), origin: 'pack', display: (file) => file });
  }
  const report = loadScenarios(sources);
  if (library !== undefined && existsSync(library)) return report;
  const found = library === undefined ? 'no trainer package.json above the program' : `no folder ${library}`;
  const problem: ScenarioProblem = { file: 'data/scenarios', path: '(folder)', expected: 'the scenario library beside the program (reinstall trainer)', found };
  return { ...report, problems: [problem, ...report.problems] };
}
