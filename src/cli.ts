// The entry point: the only reader of process.argv, process.env and the TTY flags. It turns them into
// an Invocation (pure, in src/cli/) and carries it out.
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline/promises';
import packageJson from '../package.json' with { type: 'json' };
import { findCommand } from './cli/command-table.js';
import { commandHelp, generalHelp, noTerminalHelp } from './cli/help-text.js';
import { parseArgs, wantsColor, type Invocation } from './cli/parse-args.js';

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
    case 'progress':
    case 'reset': {
      const { runProgressCommand } = await import('./cli/progress-commands.js');
      return runProgressCommand(invocation, {
        progressDir: await progressDir(),
        nowMs: Date.now(),
        write: (text) => process.stdout.write(text),
        writeError: (text) => process.stderr.write(text),
        ask: askOnTerminal,
      });
    }
    case 'list-scenarios':
    case 'validate-scenarios':
    case 'run-scenario': {
      // Loaded only here, so --version and --help never load the scenario engine or the simulator.
      const { runScenarioCommand } = await import('./cli/scenario-commands.js');
      // stdin is read only by `run`; the interface is closed after, so a terminal does not keep trainer alive.
      const dir = await progressDir();
      // Made right before use: readline starts reading at once and its iterator keeps only later lines.
      const input = invocation.kind === 'run-scenario' ? createInterface({ input: process.stdin, crlfDelay: Infinity }) : undefined;
      try {
        return await runScenarioCommand(invocation, {
          cwd: process.cwd(),
          progressDir: dir,
          now: () => Date.now(),
          write: (text) => process.stdout.write(text),
          writeError: (text) => process.stderr.write(text),
          lines: input === undefined ? [][Symbol.iterator]() : input[Symbol.asyncIterator](),
          openShell: async (scenarioId) => {
            // The shell reads the keyboard itself: stdin must be free of the line reader first.
            input?.close();
            if (!wantsColor(process.env, false)) process.env['FORCE_COLOR'] = '0';
            const { runApp } = await import('./repl/index.js');
            const seed = invocation.kind === 'run-scenario' ? invocation.seed : 1;
            await runApp({ version, locate: async () => placesOf(dir), openScenario: { id: scenarioId, seed } });
            return 0;
          },
        });
      } finally {
        input?.close();
      }
    }
    case 'open-ui':
    case 'open-repl': {
      // chalk reads FORCE_COLOR when it loads, and it loads with the shell below: this turns every
      // colour and style off for NO_COLOR / --no-color.
      if (!invocation.useColor) process.env['FORCE_COLOR'] = '0';
      const { runApp } = await import('./repl/index.js');
      const repl = invocation.kind === 'open-repl' ? { startInRepl: true, seed: invocation.seed } : {};
      // The progress folder is found after the first frame: finding it loads the progress store's code.
      await runApp({ version, locate: async () => placesOf(await progressDir()), ...repl });
      return 0;
    }
    case 'quiz': {
      const home = await progressDir();
      const { openLearningOf } = await import('./cli/open-learning.js');
      const openLearning = openLearningOf(invocation);
      if (openLearning !== undefined) {
        if (!wantsColor(process.env, false)) process.env['FORCE_COLOR'] = '0';
        const { runApp } = await import('./repl/index.js');
        await runApp({ version, locate: async () => placesOf(home), openLearning });
        return 0;
      }
      const { runQuizCommand } = await import('./cli/quiz-commands.js');
      const stdin = stdinLines();
      return runQuizCommand(invocation, {
        progressDir: home,
        bankDirs: bankDirsOf(home),
        now: () => Date.now(),
        write: (text) => process.stdout.write(text),
        writeError: (text) => process.stderr.write(text),
        readLine: stdin.read,
      }).finally(stdin.close);
    }
    case 'run-sandbox-script': {
      // Loaded only here, so --version and --help never load the simulator.
      const { runSandboxFile } = await import('./cli/sandbox-file.js');
      return runSandboxFile(invocation, {
        cwd: process.cwd(),
        write: (text) => process.stdout.write(text),
        writeError: (text) => process.stderr.write(text),
      });
    }
    default: {
      const unreachable: never = invocation;
      return unreachable;
    }
  }
}

/** data/questions sits next to build/ in the package (and next to src/ in the repository); packs in the progress folder. */
function bankDirsOf(home: string): { readonly builtIn: string; readonly user: string } {
  return { builtIn: fileURLToPath(new URL('../data/questions/', import.meta.url)), user: path.join(home, 'questions') };
}

/** Where the shell finds progress and the question banks. */
function placesOf(home: string): { readonly progressDir: string; readonly bankDirs: readonly string[] } {
  return { progressDir: home, bankDirs: Object.values(bankDirsOf(home)) };
}

/** The progress folder from the environment (paths.ts is pure; this is where the environment is read). */
async function progressDir(): Promise<string> {
  const { resolveProgressDir } = await import('./progress/index.js');
  return resolveProgressDir({ env: process.env, platform: process.platform, homeDir: homedir() });
}

/** Reads stdin line by line, on demand; undefined once it ends. */
function stdinLines(): { read: () => Promise<string | undefined>; close: () => void } {
  let reader: ReturnType<typeof createInterface> | undefined;
  let lines: AsyncIterator<string> | undefined;
  const read = async () => {
    reader ??= createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines ??= reader[Symbol.asyncIterator]();
    const next = await lines.next();
    return next.done === true ? undefined : next.value;
  };
  return { read, close: () => reader?.close() };
}

async function askOnTerminal(question: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await lines.question(question);
  } finally {
    lines.close();
  }
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

// A reader that stops early (`trainer sim FILE | head`) closes the pipe: that is the reader's choice,
// not an error, so trainer stops quietly, as Unix tools do (exit code 0; the output was not wanted).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const invocation = parseArgs(process.argv.slice(2), {
  isInteractive: Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = await carryOut(invocation).catch(reportBug);
