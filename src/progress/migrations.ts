// Reading a progress file of any version: JSON.parse → version check → that version's schema → the
// migrations up to the current version → the current schema. One migration per old version; each is
// proved by a real old-version fixture in test/fixtures/progress/.
import { z } from 'zod';
import { dayKeyOf } from './changes.js';
import { toFileIssues, type FileIssue } from './problems.js';
import { CURRENT_VERSION, cardStateSchema, progressSchema, type ProgressData } from './schema.js';

const isoTime = z.iso.datetime();

/** Version 1 (trainer 0.0.x): attempts as objects, times as ISO strings, no journal, no roll-up. */
const version1Schema = z.object({
  version: z.literal(1),
  attempts: z.array(
    z.object({ questionId: z.string().min(1), answer: z.string(), correct: z.boolean(), timeTakenMs: z.number().int().nonnegative(), answeredAt: isoTime }),
  ),
  cards: z.record(z.string(), cardStateSchema.extend({ due: isoTime, last_review: isoTime.nullable() })),
  scenarios: z.record(z.string(), z.object({ stepsDone: z.array(z.string()), predictionsRight: z.number().int().nonnegative(), predictionsTotal: z.number().int().nonnegative(), completed: z.boolean() })),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

function migrateFrom1(old: z.infer<typeof version1Schema>): unknown {
  const items = [...new Set(old.attempts.map((attempt) => attempt.questionId))];
  const attempts = old.attempts.map((a) => [items.indexOf(a.questionId), a.answer.slice(0, 200), a.correct ? 1 : 0, a.timeTakenMs, Date.parse(a.answeredAt)]);
  const cards = Object.fromEntries(
    Object.entries(old.cards).map(([id, card]) => [id, { ...card, due: Date.parse(card.due), last_review: card.last_review === null ? null : Date.parse(card.last_review) }]),
  );
  const scenarios = Object.fromEntries(
    Object.entries(old.scenarios).map(([id, s]) => {
      const { completed, ...rest } = s;
      // Version 1 did not record when a scenario was finished; the epoch marks "done, time unknown".
      return [id, { ...rest, completedAtMs: completed ? 0 : null }];
    }),
  );
  const streakDays = [...new Set(old.attempts.map((a) => dayKeyOf(Date.parse(a.answeredAt))))].sort();
  return { version: 2, journalSeq: 0, items, attempts, rolledUp: {}, cards, scenarios, exams: [], settings: old.settings, streakDays };
}

interface Migration {
  readonly schema: z.ZodType;
  readonly migrate: (old: never) => unknown;
}

/** Key: the version a migration reads. It returns data of the next version. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: { schema: version1Schema, migrate: migrateFrom1 as (old: never) => unknown },
};

export type ParsedFile =
  | { readonly ok: true; readonly data: ProgressData; readonly fromVersion: number }
  | { readonly ok: false; readonly reason: 'not-json' | 'invalid'; readonly issues: readonly FileIssue[] }
  | { readonly ok: false; readonly reason: 'newer-version'; readonly fileVersion: number };

function invalid(issues: readonly z.core.$ZodIssue[]): ParsedFile {
  return { ok: false, reason: 'invalid', issues: toFileIssues(issues) };
}

/** Validates and migrates an already parsed JSON value. */
export function readProgressValue(value: unknown): ParsedFile {
  const version = z.object({ version: z.number().int().positive() }).safeParse(value, { reportInput: true });
  if (!version.success) return invalid(version.error.issues);
  const fromVersion = version.data.version;
  if (fromVersion > CURRENT_VERSION) return { ok: false, reason: 'newer-version', fileVersion: fromVersion };
  let current: unknown = value;
  for (let v = fromVersion; v < CURRENT_VERSION; v++) {
    const migration = MIGRATIONS[v];
    if (migration === undefined) return invalid([{ code: 'custom', path: ['version'], message: `a version trainer can read (1 to ${CURRENT_VERSION})`, input: v }]);
    const old = migration.schema.safeParse(current, { reportInput: true });
    if (!old.success) return invalid(old.error.issues);
    current = migration.migrate(old.data as never);
  }
  const parsed = progressSchema.safeParse(current, { reportInput: true });
  if (!parsed.success) return invalid(parsed.error.issues);
  return { ok: true, data: parsed.data, fromVersion };
}

/** Parses the text of a progress file of any known version. */
export function parseProgressText(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'not-json', issues: [{ path: '(the whole file)', expected: 'JSON', found: detail }] };
  }
  return readProgressValue(value);
}
