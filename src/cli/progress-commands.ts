// `trainer progress ...` and `trainer reset`, carried out against the progress store. Loaded lazily by
// src/cli.ts (so --version stays light), which passes everything from the outside world in `io`.
// Exit codes: 0 done; 1 a problem with the data (corrupt, newer version, bad import file, not confirmed).
import {
  createLowdbRepository,
  exportProgress,
  formatSummary,
  importProgress,
  summarizeProgress,
  type ProgressProblem,
  type ProgressRepository,
  type ImportReport,
} from '../progress/index.js';
import type { Invocation, ProgressAction } from './parse-args.js';

export interface CommandIo {
  readonly progressDir: string;
  readonly nowMs: number;
  write(text: string): void;
  writeError(text: string): void;
  /** Asks a question on the terminal and resolves with the answer line. */
  ask(question: string): Promise<string>;
}

function reportProblem(io: CommandIo, problem: ProgressProblem): number {
  io.writeError(`trainer: ${problem.message}\n`);
  return 1;
}

function changeLine(label: string, before: number, after: number): string {
  return `  ${label}: ${before} → ${after}${after > before ? ` (+${after - before})` : ''}`;
}

function importText(file: string, { before, after, settingsKept }: ImportReport): string {
  const kept = settingsKept.map(({ key, current, inFile }) => `  setting ${key}: kept yours (${JSON.stringify(current)}); the file had ${JSON.stringify(inFile)}`);
  return [
    `Imported ${file}, merged with what you had (nothing was dropped).`,
    changeLine('answers', before.attempts, after.attempts),
    changeLine('review cards', before.cards, after.cards),
    changeLine('scenarios started', before.scenariosStarted, after.scenariosStarted),
    changeLine('mock exams', before.exams, after.exams),
    changeLine('active days', before.activeDays, after.activeDays),
    ...kept,
    '',
  ].join('\n');
}

async function runProgressAction(repo: ProgressRepository, action: ProgressAction, isJson: boolean, io: CommandIo): Promise<number> {
  const json = (value: unknown): number => (io.write(`${JSON.stringify(value, null, 2)}\n`), 0);
  switch (action.type) {
    case 'path':
      return isJson ? json({ path: repo.location() }) : (io.write(`${repo.location()}\n`), 0);
    case 'summary': {
      const loaded = await repo.load();
      if (!loaded.ok) return reportProblem(io, loaded.problem);
      const summary = summarizeProgress(loaded.value, io.nowMs);
      return isJson ? json({ path: repo.location(), summary }) : (io.write(formatSummary(summary, repo.location())), 0);
    }
    case 'export': {
      const exported = await exportProgress(repo, action.file, io.nowMs);
      if (!exported.ok) return reportProblem(io, exported.problem);
      if (isJson) return json({ exported: action.file, summary: exported.value });
      io.write(`Exported ${exported.value.attempts} answers, ${exported.value.cards} review cards and ${exported.value.exams} mock exams to ${action.file}.\n`);
      return 0;
    }
    case 'import': {
      const imported = await importProgress(repo, action.file, io.nowMs);
      if (!imported.ok) return reportProblem(io, imported.problem);
      return isJson ? json({ imported: action.file, ...imported.value }) : (io.write(importText(action.file, imported.value)), 0);
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

async function runReset(repo: ProgressRepository, confirmation: 'given' | 'ask' | 'missing', io: CommandIo): Promise<number> {
  if (confirmation === 'missing') {
    io.writeError('trainer: reset clears your progress and needs confirmation; without a terminal to ask on, run "trainer reset --yes" (a backup is kept).\n');
    return 1;
  }
  if (confirmation === 'ask') {
    const answer = await io.ask(`This clears your progress in ${repo.location()} (a backup is kept). Type "yes" to reset: `);
    if (answer.trim().toLowerCase() !== 'yes') {
      io.writeError('trainer: reset cancelled; nothing was changed.\n');
      return 1;
    }
  }
  const result = await repo.reset();
  if (!result.ok) return reportProblem(io, result.problem);
  const { backupPath } = result.value;
  io.write(backupPath === null ? 'Progress reset. There was nothing to back up.\n' : `Progress reset. Your previous progress is saved in ${backupPath}\n`);
  return 0;
}

export async function runProgressCommand(invocation: Extract<Invocation, { kind: 'progress' | 'reset' }>, io: CommandIo): Promise<number> {
  const repo = createLowdbRepository(io.progressDir);
  return invocation.kind === 'progress' ? runProgressAction(repo, invocation.action, invocation.isJson, io) : runReset(repo, invocation.confirmation, io);
}
