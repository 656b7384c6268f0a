// `trainer sim FILE|-`: runs sandbox lines from a file or stdin without a terminal, printing a
// transcript or JSON Lines as each line finishes. Loaded lazily by cli.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSandbox, runSandboxLine, sandboxLines, toJsonLine, toTranscript, type SandboxIo } from '../sim/index.js';
import type { Invocation } from './parse-args.js';

export interface SandboxFileOutput {
  /** The working directory: `file://` paths of a script read from stdin resolve against it. */
  readonly cwd: string;
  readonly write: (text: string) => void;
  readonly writeError: (text: string) => void;
}

/** `file://` paths in a script are read relative to the script's folder (stdin: the working directory). */
function filesBeside(baseDir: string): SandboxIo {
  return {
    readText: (file) => {
      try {
        return { ok: true, value: readFileSync(path.resolve(baseDir, file), 'utf8') };
      } catch {
        return { ok: false, message: `[Errno 2] No such file or directory: '${file}'` };
      }
    },
  };
}

/** Exit 0, or 2 when a line could not be parsed (every line still runs) or the script cannot be read. */
export function runSandboxFile(invocation: Extract<Invocation, { kind: 'run-sandbox-script' }>, out: SandboxFileOutput): number {
  const isStdin = invocation.source === '-';
  let text: string;
  try {
    text = readFileSync(isStdin ? 0 : invocation.source, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    out.writeError(`trainer: cannot read "${invocation.source}": ${reason}\n`);
    return 2;
  }
  const baseDir = isStdin ? out.cwd : path.dirname(path.resolve(out.cwd, invocation.source));
  const session = createSandbox({ seed: invocation.seed, io: filesBeside(baseDir) });
  let hasParseError = false;
  sandboxLines(text).forEach((line, i) => {
    const report = runSandboxLine(session, line, i + 1);
    hasParseError ||= report.isParseError;
    const printed = invocation.format === 'json' ? toJsonLine(report) : toTranscript(report);
    if (printed !== undefined) out.write(invocation.format === 'json' ? `${printed}\n` : printed);
  });
  return hasParseError ? 2 : 0;
}
