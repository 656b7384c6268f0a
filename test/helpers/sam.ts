// Shared setup for the SAM tests: a sandbox whose files are the given inline templates, falling back
// to the samples in data/templates/, and helpers that run a line and answer its JSON or its text.
import { readFileSync } from 'node:fs';
// Through the simulator's entry point, so the cross-service wiring (authorizers, ports) is loaded.
import { createSandbox, runSandboxLine, type SandboxSession } from '../../src/sim/index.js';

export function samSandbox(files: Readonly<Record<string, string>> = {}, seed = 1): SandboxSession {
  return createSandbox({
    seed,
    io: {
      readText: (path) => {
        const inline = files[path];
        if (inline !== undefined) return { ok: true, value: inline };
        try {
          return { ok: true, value: readFileSync(new URL(`../../data/templates/${path}`, import.meta.url), 'utf8') };
        } catch {
          return { ok: false, message: `[Errno 2] No such file or directory: '${path}'` };
        }
      },
    },
  });
}

/** Runs one line; answers the JSON output (or error JSON) and the text. */
export function run(session: SandboxSession, line: string): { ok: boolean; out: Record<string, any>; text: string } {
  const report = runSandboxLine(session, line);
  return { ok: report.ok, out: (report.output ?? report.error ?? {}) as Record<string, any>, text: report.text };
}

export function must(session: SandboxSession, line: string): Record<string, any> {
  const result = run(session, line);
  if (!result.ok) throw new Error(`${line}\n${result.text}`);
  return result.out;
}

/** The error text of a line that must fail. */
export function failure(session: SandboxSession, line: string): string {
  const result = run(session, line);
  if (result.ok) throw new Error(`${line} succeeded:\n${result.text}`);
  return result.text;
}

/** A minimal valid SAM template with `body` appended under Resources (indented by the caller). */
export function template(resources: string, head = ''): string {
  return `Transform: AWS::Serverless-2016-10-31\n${head}Resources:\n${resources}`;
}
