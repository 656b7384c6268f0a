// Proves the REPL's pure transitions: editing at the cursor, submitting into the run queue, `clear`,
// history recall that gives back the line being typed, bounded history, scrolling, and how a finished
// line lands in the log and the list of lines `sim export` saves.
import { describe, expect, it } from 'vitest';
import { initialReplState, pushHistory, replReducer, type ReplAction, type ReplState } from '../../../../src/repl/screens/repl/repl-state.js';

const run = (state: ReplState, ...actions: ReplAction[]): ReplState => actions.reduce(replReducer, state);
const type = (text: string): ReplAction => ({ type: 'insert', text });
const finished = (text: string, succeeded?: string): ReplAction => ({
  type: 'line-finished',
  lines: [{ kind: 'output', text }],
  names: { table: ['Orders'] },
  seed: 1,
  timeMs: 5,
  ...(succeeded === undefined ? {} : { succeeded }),
});

describe('replReducer', () => {
  it('inserts and erases at the cursor', () => {
    const state = run(initialReplState(), type('aws sim'), { type: 'move-left' }, { type: 'move-left' }, { type: 'move-left' }, { type: 'erase' }, type('!'));
    expect(state.input).toBe('aws!sim');
    expect(state.cursor).toBe(4);
    expect(run(initialReplState(), { type: 'erase' }, { type: 'move-left' }).input).toBe('');
  });

  it('queues a submitted line, empties the prompt and remembers it', () => {
    const state = run(initialReplState(), type('sim clock'), { type: 'submit' });
    expect(state).toMatchObject({ input: '', cursor: 0, pending: ['sim clock'], history: ['sim clock'] });
  });

  it('clears the log with clear, and runs nothing for a blank line', () => {
    const state = run(initialReplState(), type('clear'), { type: 'submit' });
    expect(state.log).toEqual([]);
    expect(state.pending).toEqual([]);
    expect(run(state, { type: 'submit' }).log).toEqual([{ kind: 'command', text: '$' }]);
  });

  it('recalls history with ↑/↓ and gives back the line being typed', () => {
    const typed = run(initialReplState(), type('one'), { type: 'submit' }, type('two'), { type: 'submit' }, type('thr'));
    expect(run(typed, { type: 'history-back' }).input).toBe('two');
    expect(run(typed, { type: 'history-back' }, { type: 'history-back' }, { type: 'history-back' }).input).toBe('one');
    expect(run(typed, { type: 'history-back' }, { type: 'history-forward' })).toMatchObject({ input: 'thr', historyIndex: null });
    expect(run(typed, { type: 'history-forward' }).input).toBe('thr');
  });

  it('puts the saved history before this session’s lines', () => {
    const state = run(initialReplState(), type('new'), { type: 'submit' }, { type: 'history-loaded', lines: ['old'] });
    expect(state.history).toEqual(['old', 'new']);
  });

  it('keeps at most the given number of history lines and skips repeats and blanks', () => {
    expect(pushHistory(['a', 'b'], 'b')).toEqual(['a', 'b']);
    expect(pushHistory(['a'], '   ')).toEqual(['a']);
    expect(pushHistory(['a', 'b', 'c'], 'd', 3)).toEqual(['b', 'c', 'd']);
  });

  it('scrolls by pages within the log and back to the newest line', () => {
    const long = run(initialReplState(), finished(Array.from({ length: 30 }, (_, i) => `row ${i}`).join('\n')));
    const lines = Array.from({ length: 25 }, (_, i): ReplAction => finished(`row ${i}`));
    const state = run(long, ...lines);
    expect(run(state, { type: 'page-up' }, { type: 'page-up' }).scrollBack).toBe(20);
    expect(run(state, { type: 'page-up' }, { type: 'page-down' }, { type: 'page-down' }).scrollBack).toBe(0);
    expect(run(initialReplState(), { type: 'page-up' }).scrollBack).toBe(0);
  });

  it('runs queued lines one at a time and records the ones that succeeded', () => {
    const queued = run(initialReplState(), type('a'), { type: 'submit' }, type('b'), { type: 'submit' });
    const started = run(queued, { type: 'line-started', line: 'a' });
    expect(started).toMatchObject({ pending: ['b'], job: { line: 'a', fraction: 0 } });
    const done = run(started, finished('ok', 'a'));
    expect(done).toMatchObject({ job: null, succeeded: ['a'], names: { table: ['Orders'] }, timeMs: 5 });
    expect(done.log.at(-1)).toEqual({ kind: 'output', text: 'ok' });
  });

  it('marks a running job as stopping on cancel, and ignores cancel when nothing runs', () => {
    const started = run(initialReplState(), { type: 'line-started', line: 'sim clock advance 1h' }, { type: 'job-progress', fraction: 0.5 });
    expect(run(started, { type: 'cancel-job' }).job).toEqual({ line: 'sim clock advance 1h', fraction: 0.5, isCancelling: true });
    expect(run(initialReplState(), { type: 'cancel-job' }).job).toBeNull();
  });
});
