// Proves where the progress files live for each combination of environment and platform: TRAINER_HOME
// first, then XDG_DATA_HOME, then the platform's data folder (a pure function, tested as a table).
import { describe, expect, it } from 'vitest';
import { progressPaths, resolveProgressDir } from '../../src/progress/index.js';

const home = '/home/ada';

describe('resolveProgressDir', () => {
  it.each([
    ['TRAINER_HOME wins over everything', { TRAINER_HOME: '/data/t', XDG_DATA_HOME: '/xdg' }, 'linux', '/data/t'],
    ['a relative TRAINER_HOME is made absolute', { TRAINER_HOME: 'rel/dir' }, 'linux', `${process.cwd()}/rel/dir`],
    ['XDG_DATA_HOME/trainer next', { XDG_DATA_HOME: '/xdg' }, 'linux', '/xdg/trainer'],
    ['an empty TRAINER_HOME counts as unset', { TRAINER_HOME: '', XDG_DATA_HOME: '/xdg' }, 'linux', '/xdg/trainer'],
    ['a relative XDG_DATA_HOME is ignored (XDG spec)', { XDG_DATA_HOME: 'xdg' }, 'linux', '/home/ada/.local/share/trainer'],
    ['~/.local/share/trainer by default', {}, 'linux', '/home/ada/.local/share/trainer'],
    ['Application Support on macOS', {}, 'darwin', '/home/ada/Library/Application Support/trainer'],
    ['XDG_DATA_HOME also on macOS when set', { XDG_DATA_HOME: '/xdg' }, 'darwin', '/xdg/trainer'],
  ])('%s', (_name, env, platform, expected) => {
    expect(resolveProgressDir({ env, platform, homeDir: home })).toBe(expected);
  });

  it('uses LOCALAPPDATA on Windows, or AppData\\Local under the home folder', () => {
    expect(resolveProgressDir({ env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, platform: 'win32', homeDir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Local\\trainer',
    );
    expect(resolveProgressDir({ env: {}, platform: 'win32', homeDir: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Local\\trainer');
  });

  it('names the files inside the folder', () => {
    expect(progressPaths('/d')).toEqual({
      dir: '/d',
      file: '/d/progress.json',
      journal: '/d/progress.journal',
      lock: '/d/progress.lock',
    });
  });
});
