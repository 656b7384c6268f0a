// Where the progress files live. Pure: the caller (src/cli.ts) passes the environment, the platform and
// the home directory, so every rule is tested as a table without touching the real environment.
import path from 'node:path';

export interface PathInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly homeDir: string;
}

/**
 * The progress folder: `$TRAINER_HOME` if set, else `$XDG_DATA_HOME/trainer`, else the platform's data
 * folder (`~/.local/share/trainer` on Linux, `~/Library/Application Support/trainer` on macOS,
 * `%LOCALAPPDATA%\trainer` on Windows). Empty variables count as unset; a relative XDG_DATA_HOME is
 * ignored, as the XDG specification says.
 */
export function resolveProgressDir({ env, platform, homeDir }: PathInputs): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const trainerHome = env['TRAINER_HOME'] ?? '';
  if (trainerHome !== '') return paths.resolve(trainerHome);
  const xdgDataHome = env['XDG_DATA_HOME'] ?? '';
  if (xdgDataHome !== '' && paths.isAbsolute(xdgDataHome)) return paths.join(xdgDataHome, 'trainer');
  if (platform === 'darwin') return paths.join(homeDir, 'Library', 'Application Support', 'trainer');
  if (platform === 'win32') return paths.join(env['LOCALAPPDATA'] ?? paths.join(homeDir, 'AppData', 'Local'), 'trainer');
  return paths.join(homeDir, '.local', 'share', 'trainer');
}

export interface ProgressPaths {
  readonly dir: string;
  /** The snapshot: everything folded in up to `journalSeq`. */
  readonly file: string;
  /** Append-only lines recorded since the snapshot. */
  readonly journal: string;
  /** The lock directory (proper-lockfile); waiters add `progress.lock-waiting.<host>.<pid>` beside it. */
  readonly lock: string;
}

/** The files in `dir`. The folder is made absolute, so one process names its lock one way only. */
export function progressPaths(folder: string): ProgressPaths {
  const dir = path.resolve(folder);
  return {
    dir,
    file: path.join(dir, 'progress.json'),
    journal: path.join(dir, 'progress.journal'),
    lock: path.join(dir, 'progress.lock'),
  };
}
