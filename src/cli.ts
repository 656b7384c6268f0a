// The entry point: the only reader of process.argv, process.env and the TTY flags. It turns them into
// an Invocation (pure, in src/cli/) and carries it out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import { findCommand } from './cli/command-table.js';
import { commandHelp, generalHelp, noTerminalHelp } from './cli/help-text.js';
import { parseArgs, type Invocation } from './cli/parse-args.js';
import { createSandbox, runSandboxLine, sandboxLines, toJsonLine, toTranscript, type SandboxIo } from './sim/index.js';

const version = packageJson.version;

async function carryOut(invocation: Invocation): Promise<number> {
  switch (invocation.kind) {
    case 'show-version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'show-help': {
      const command = invocation.command === undefined ? undefined : findCommand(invocation.command);
      process.stdout.write(command === undefined ? generalHelp(version) : commandHelp(command));
      return 0;
    }
    case 'show-no-terminal-help':
      process.stdout.write(noTerminalHelp(version));
      return 0;
    case 'usage-error':
      process.stderr.write(`trainer: ${invocation.message}\n${invocation.hint}\n`);
      return 2;
    case 'open-ui': {
      // chalk reads FORCE_COLOR when it loads, and it loads with the shell below: this turns every
      // colour and style off for NO_COLOR / --no-color.
      if (!invocation.useColor) process.env['FORCE_COLOR'] = '0';
      const { runApp } = await import('./repl/index.js');
      await runApp({ version });
      return 0;
    }
    case 'run-sandbox-script':
      return runSandboxFile(invocation);
    default: {
      const unreachable: never = invocation;
      return unreachable;
    }
  }
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

/** `trainer sim FILE|-`: exit 0, or 2 when a line could not be parsed (every line still runs). */
function runSandboxFile(invocation: Extract<Invocation, { kind: 'run-sandbox-script' }>): number {
  const isStdin = invocation.source === '-';
  let text: string;
  try {
    text = readFileSync(isStdin ? 0 : invocation.source, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`trainer: cannot read "${invocation.source}": ${reason}\n`);
    return 2;
  }
  const baseDir = isStdin ? process.cwd() : path.dirname(path.resolve(invocation.source));
  const session = createSandbox({ seed: invocation.seed, io: filesBeside(baseDir) });
  // Line by line, printing as each one finishes, so a long script shows progress as it goes.
  let hasParseError = false;
  sandboxLines(text).forEach((line, i) => {
    const report = runSandboxLine(session, line, i + 1);
    hasParseError ||= report.isParseError;
    const printed = invocation.format === 'json' ? toJsonLine(report) : toTranscript(report);
    if (printed !== undefined) process.stdout.write(invocation.format === 'json' ? `${printed}\n` : printed);
  });
  return hasParseError ? 2 : 0;
}

function reportBug(error: unknown): number {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `\ntrainer stopped because of a bug in trainer, not in anything you did.\n` +
      `Your progress is safe: nothing was written after the failure.\n` +
      `Please report it with the text below (the README's "Reporting a problem" says how):\n\n${detail}\n`,
  );
  return 70; // EX_SOFTWARE: an internal error
}

const invocation = parseArgs(process.argv.slice(2), {
  isInteractive: Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = await carryOut(invocation).catch(reportBug);
