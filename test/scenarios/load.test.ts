// Proves the loader: it finds the package's library from the sources and from the bundle's folder,
// reads every YAML file under a folder, reports every problem of every bad file with file, path,
// expected and found (pinned as text), keeps loading the good files, and refuses a repeated id.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, formatProblem, libraryDir, loadLibrary, loadScenarios, templateFiles } from '../../src/scenarios/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/scenarios');

describe('finding the library', () => {
  it('finds the package root from the sources and from the built bundle', () => {
    expect(findPackageRoot(pathToFileURL(path.join(root, 'src/scenarios/load.ts')))).toBe(root);
    expect(findPackageRoot(pathToFileURL(path.join(root, 'build/cli.js')))).toBe(root);
    expect(findPackageRoot(path.join(root, 'build/chunk-ABC.js'))).toBe(root);
    expect(libraryDir()).toBe(path.join(root, 'data/scenarios'));
  });

  it('answers undefined outside any trainer package', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'trainer-no-package-'));
    writeFileSync(path.join(outside, 'package.json'), '{"name":"someone-else"}');
    expect(findPackageRoot(path.join(outside, 'a/b/c.js'))).toBeUndefined();
  });
});

describe('loading files', () => {
  it('lists every problem of every bad file and still loads the good ones', () => {
    const report = loadScenarios([
      { location: path.join(fixtures, 'good'), origin: 'library' },
      { location: path.join(fixtures, 'bad'), origin: 'pack' },
    ]);
    expect(report.scenarios.map((s) => `${s.origin} ${s.file} ${s.scenario.id}`)).toEqual(['library good/tiny.yaml fixture/tiny']);
    expect(report.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "bad/duplicate-id.yaml: id: expected an id no other scenario uses (good/tiny.yaml has it), found "fixture/tiny"",
        "bad/not-yaml.yaml: line 2, column 8: expected valid YAML, found Nested mappings are not allowed in compact mappings",
        "bad/semantic.yaml: setup.template: expected the file name of a template in data/templates/ (such as crud-api.yaml; no folders), found "../api.yaml"",
        "bad/semantic.yaml: setup.commands[0]: expected a sandbox command (docs/sandbox.md), found "aws dynamodb put-itme --table-name T": aws: error: argument operation: Invalid choice: 'put-itme', maybe you meant: put-item get-item",
        "bad/semantic.yaml: steps[0].check: expected a check proving the stated answer against the world, found nothing",
        "bad/semantic.yaml: steps[0].answer: expected a letter from a to b, found "c"",
        "bad/semantic.yaml: steps[1].id: expected a step id not used before (steps[0] has it), found "twice"",
        "bad/semantic.yaml: steps[1].check: expected a comparison: equals, atLeast or atMost, found none",
        "bad/wrong-types.yaml: formatVersion: expected 1, found 2",
        "bad/wrong-types.yaml: id: expected an id such as "dynamodb/throttling-provisioned", found "Not A Slug"",
        "bad/wrong-types.yaml: title: expected non-empty text, found """,
        "bad/wrong-types.yaml: services: expected a list, found "dynamodb"",
        "bad/wrong-types.yaml: examDomains[0]: expected one of "development", "security", "deployment", "troubleshooting-optimization", found "dev"",
        "bad/wrong-types.yaml: estimatedMinutes: expected a number ≥ 1, found 0",
        "bad/wrong-types.yaml: steps[0].kind: expected one of "say", "run", "predict", "task", "recap", found "shout"",
        "bad/wrong-types.yaml: steps[1].choices: expected at least 2 items, found a list of 1",
        "bad/wrong-types.yaml: steps[1].commands: expected at least 1 item, found a list of 0",
        "bad/wrong-types.yaml: steps[1].answerFrom.kind: expected one of "last-output-path", "trace-count", "item-count", "item-path", "table-throttled", "table-capacity-path", "lambda-cold-starts", "lambda-view-path", "iam-decision", found "item-total"",
        "bad/wrong-types.yaml: steps[1].reference.fact: expected a fact ID such as "DDB-07", found "ddb-1"",
        "bad/wrong-types.yaml: steps[1].reference.url: expected an https URL, found "http://example.com"",
        "bad/wrong-types.yaml: (top level): expected only the fields described in docs/scenarios.md, found unknown field "extra"",
      ]
    `);
  });

  it('loads the learner packs after the library', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'trainer-home-'));
    mkdirSync(path.join(home, 'scenarios/mine'), { recursive: true });
    const text = readFixture('good/tiny.yaml').replace('fixture/tiny', 'mine/tiny');
    writeFileSync(path.join(home, 'scenarios/mine/tiny.yaml'), text);
    const report = loadLibrary({ userDir: home });
    const pack = report.scenarios.filter((s) => s.origin === 'pack');
    expect(pack.map((s) => s.scenario.id)).toEqual(['mine/tiny']);
    expect(pack[0]?.file).toBe(path.join(home, 'scenarios/mine/tiny.yaml'));
    expect(report.scenarios.filter((s) => s.origin === 'library').length).toBeGreaterThanOrEqual(7);
  });

  it('names the templates there are when setup.template names one that is missing', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'trainer-home-'));
    mkdirSync(path.join(home, 'scenarios'), { recursive: true });
    writeFileSync(path.join(home, 'scenarios/sam.yaml'), readFixture('good/tiny.yaml').replace('fixture/tiny', 'mine/sam').replace('setup:\n', 'setup:\n  template: crud-apy.yaml\n'));
    const problems = loadLibrary({ userDir: home }).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^.*sam\.yaml: setup\.template: expected a template in data\/templates\/ \(.*crud-api\.yaml.*\), found "crud-apy\.yaml"$/);
  });

  it('reads templates by plain name only: a path is refused, not resolved', () => {
    const files = templateFiles();
    expect(files.readText('crud-api.yaml')).toMatchObject({ ok: true, value: expect.stringContaining('AWS::Serverless-2016-10-31') });
    expect(files.readText('../scenarios/overview/serverless-tour.yaml')).toEqual({ ok: false, message: "[Errno 2] No such file or directory: '../scenarios/overview/serverless-tour.yaml'" });
    expect(files.readText('nope.yaml').ok).toBe(false);
  });

  it('reports an unreadable library folder as one problem, not a crash', () => {
    const report = loadLibrary({ libraryDir: '/nowhere/data/scenarios' });
    expect(report.scenarios).toEqual([]);
    expect(report.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "data/scenarios: (folder): expected the scenario library beside the program (reinstall trainer), found no folder /nowhere/data/scenarios",
      ]
    `);
  });
});

function readFixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}
