// Proves the scenario browser as the learner sees it (ink-testing-library inside act()): the grouped
// list with status markers and minutes, the summary of the highlighted scenario, moving, filtering
// with `/`, opening a scenario with Enter and Esc back to the list and home.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository, emptyProgress } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';
import { testLibrary } from '../../../helpers/scenario-library.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

async function openBrowser(): Promise<Rendered> {
  const progress = emptyProgress();
  progress.scenarios['lambda/cold-starts'] = { stepsDone: [], predictionsRight: 0, predictionsTotal: 0, completedAtMs: 5 };
  progress.scenarios['dynamodb/throttling'] = { stepsDone: ['count', 'stated'], predictionsRight: 1, predictionsTotal: 2, completedAtMs: null };
  const repository = createMemoryRepository({ initial: progress });
  rendered = await renderInk(<App version="9.9.9" library={testLibrary} repository={repository} progress={progress} />);
  await rendered.pressAndWaitFor('Scenarios', KEYS.enter);
  return rendered;
}

describe('the scenario browser', () => {
  it('lists scenarios by service with status and minutes, and the summary of the highlighted one', async () => {
    const app = await openBrowser();
    expect(await app.waitFor('Response caching')).toMatchInlineSnapshot(`
      "trainer 9.9.9 · AWS serverless exam trainer · Scenarios

      apigateway
      ❯ Response caching                                                            · new            6 min
      dynamodb
        Throttling under provisioned capacity                                       ◐ 2/6 steps     10 min
      fixture
        Tiny fixture                                                                · new            1 min
      lambda
        Cold starts                                                                 ✓ done           8 min

      The cache answers the second request.



      ↑/k move up · ↓/j move down · Enter open · / filter · Esc back · q quit"
    `);
  });

  it('moves with j/k and arrows, showing the highlighted summary', async () => {
    const app = await openBrowser();
    const frame = await app.pressAndWaitFor('❯ Throttling', 'j');
    expect(frame).toContain('Too many writes for the table.');
    await app.pressAndWaitFor('❯ Response caching', KEYS.up);
    await app.pressAndWaitFor('❯ Cold starts', 'k');
  });

  it('filters by typed text after /, Enter keeps it, Esc clears it', async () => {
    const app = await openBrowser();
    const frame = await app.pressAndWaitFor('(1 shown)', '/', 'c', 'o', 'l', 'd');
    expect(frame).toContain('Filter: cold');
    expect(frame).not.toContain('Response caching');
    await app.pressAndWaitFor('↑/k move up', KEYS.enter);
    expect(app.frame()).toContain('❯ Cold starts');
    await app.pressAndWaitFor('(0 shown)', '/', 'x');
    expect(app.frame()).toContain('No scenario matches "coldx"');
    const cleared = await app.pressAndWaitFor('Response caching', KEYS.escape);
    expect(cleared).not.toContain('Filter:');
  });

  it('opens the highlighted scenario with Enter, and Esc goes back to the list, then home', async () => {
    const app = await openBrowser();
    await app.pressAndWaitFor('❯ Tiny fixture', 'j', 'j');
    await app.pressAndWaitFor('step 1/6 · Tiny fixture', KEYS.enter);
    await app.pressAndWaitFor('❯ Tiny fixture', KEYS.escape);
    await app.pressAndWaitFor('❯ 1. Scenarios', KEYS.escape);
  });
});
