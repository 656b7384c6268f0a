// Proves `trainer quiz | review | exam | questions` end to end: the built launcher spawned without a
// terminal, answers piped on stdin, TRAINER_HOME in a temp folder. Practice records attempts and FSRS
// cards; review then finds nothing due; the exam gives no feedback until the end and records its
// result; validate names file and path of a broken learner pack and exits 1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCHER } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function trainer(home: string, input: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input, env: { ...process.env, TRAINER_HOME: home } });
  return { code: result.status, stdout: result.stdout.split(home).join('<home>'), stderr: result.stderr.split(home).join('<home>') };
}

describe('trainer quiz commands without a terminal', () => {
  it('lists the bank with id, type, topic, difficulty and domains, as text or JSON', () => {
    const home = makeTempDir();
    const text = trainer(home, '', 'questions', '--topic', 'iam-policy-evaluation');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('iam/explicit-deny-wins');
    expect(text.stdout).toMatch(/\d+ question\(s\)\.\n$/);
    const rows = JSON.parse(trainer(home, '', 'questions', '--json').stdout).questions;
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(rows[0]).sort()).toEqual(['difficulty', 'domains', 'id', 'service', 'topic', 'type']);
  });

  it('practises with feedback after each answer, records attempts and cards, then nothing is due', () => {
    const home = makeTempDir();
    const run = trainer(home, 'a\nb\n', 'quiz', '--topic', 'dynamodb-ttl-streams', '--count', '2', '--json');
    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(events.map((event) => event.type)).toEqual(['question', 'result', 'question', 'result', 'summary']);
    expect(events[1]).toMatchObject({ rating: expect.stringMatching(/again|easy|good|hard/), expected: expect.any(String) });
    const progress = JSON.parse(trainer(home, '', 'progress', '--json').stdout).summary;
    expect(progress).toMatchObject({ attempts: 2, cards: 2 });
    const review = trainer(home, '', 'review', '--plain');
    expect(review.stdout, `exit ${review.code}; stderr: ${review.stderr}`).toMatch(/^Nothing is due\. The next card falls due at /);
  });

  it('with --rate asks the learner for a rating after the feedback, re-asks on a typo, and schedules with it', () => {
    const home = makeTempDir();
    const run = trainer(home, 'a\n4\nb\nmaybe\n1\n', 'quiz', '--topic', 'dynamodb-ttl-streams', '--count', '2', '--rate', '--json');
    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(events.map((event) => event.type)).toEqual(['question', 'rate', 'result', 'question', 'rate', 'problem', 'rate', 'result', 'summary']);
    expect(events[1]).toMatchObject({ isCorrect: expect.any(Boolean), derived: expect.stringMatching(/again|easy|good|hard/) });
    expect([events[2].rating, events[7].rating]).toEqual(['easy', 'again']);
    expect(events[5].message).toContain('"maybe" is not a rating');
    const plain = trainer(makeTempDir(), 'a\n\n', 'quiz', '--topic', 'dynamodb-ttl-streams', '--count', '1', '--rate', '--plain');
    expect(plain.stdout).toMatch(/How well did you know it\? 1 again, 2 hard, 3 good, 4 easy \(Enter: (again|hard|good|easy)\) > /);
  });

  it('runs a quick exam with no feedback until the end, an estimated scaled score and a domain report', () => {
    const home = makeTempDir();
    const run = trainer(home, 'flag\na\n\nb\nsubmit\n', 'exam', '--quick', '--seed', '5', '--plain');
    expect(run.code).toBe(0);
    const [during, after] = run.stdout.split('Exam submitted.');
    expect(during).not.toMatch(/Correct\.|Not quite/);
    expect(during).toContain('Question 1 of 20 (flagged)');
    expect(after).toMatch(/DVA-C02: \d+ of 15 scored questions right/);
    expect(after).toContain('5 question(s) were unscored');
    expect(after).toContain('This scaled score is an estimate');
    expect(after).toContain('Development with AWS Services (32 %)');
    expect(JSON.parse(trainer(home, '', 'progress', '--json').stdout).summary.exams).toBe(1);
  });

  it('validates a learner pack, naming file and path, with exit code 1', () => {
    const home = makeTempDir();
    mkdirSync(path.join(home, 'questions'));
    writeFileSync(path.join(home, 'questions', 'mine.yaml'), 'formatVersion: 1\nquestions:\n  - id: mine/one\n    type: single\n');
    const run = trainer(home, '', 'questions', 'validate', path.join(home, 'questions'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<home>\/questions\/mine\.yaml: questions\[0\]\.stem: expected text, found nothing \(the field is missing\)$/m);
  });
});
