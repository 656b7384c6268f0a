// Proves which panels the runner screen shows for a step (the step's own panel first, the API flow
// when an API was called, the request log always), how they read as lines, and that they are cut
// to the room a terminal leaves, keeping the request log's newest rows.
import { describe, expect, it } from 'vitest';
import { fitPanels, panelLines, panelsFor, type PanelModel } from '../../../src/repl/panels/panels.js';
import { start, step } from '../../../src/scenarios/index.js';
import { tinyScenario } from '../../helpers/scenario-library.js';

const textOf = (line: readonly { text: string }[]) => line.map((s) => s.text).join('');

describe('the runner panels', () => {
  it('shows the request log from the start, and the capacity gauge once the step asks for it', () => {
    const first = start(tinyScenario);
    expect(panelsFor(first).map((panel) => panel.kind)).toEqual(['request-log']);
    const ran = step(first, { type: 'next' });
    expect(panelsFor(ran).map((panel) => panel.kind)).toEqual(['capacity-gauge', 'request-log']);
    const lines = panelLines(panelsFor(ran)[0]!, 40).map(textOf);
    expect(lines.slice(0, 3)).toEqual(['DynamoDB capacity · Tiny', 'WCU 5/s · used 1 · 0 throttled', '[····················] burst 0/1500']);
  });

  it('words a missing table plainly', () => {
    const missing: PanelModel = { kind: 'missing', message: 'No table Orders to show yet.' };
    expect(panelLines(missing, 40).map(textOf)).toEqual(['No table Orders to show yet.']);
  });

  it('fits panels to the height, keeping the request log title and its newest rows', () => {
    const log: PanelModel = {
      kind: 'request-log',
      total: 3,
      rows: ['a', 'b', 'c'].map((request) => ({ time: '00:00:00', service: 's3', request, status: 'ok', outcome: 'ok', isError: false })),
    };
    expect(fitPanels([log], 40, 3).map(textOf)).toEqual(['Requests · latest 3 of 3', '00:00:00 ✓ s3 b', '00:00:00 ✓ s3 c']);
    const missing: PanelModel = { kind: 'missing', message: 'm' };
    expect(fitPanels([missing, log], 40, 3).map(textOf)).toEqual(['m']);
    expect(fitPanels([missing, log], 40, 6).map(textOf)).toEqual(['m', '', 'Requests · latest 3 of 3', '00:00:00 ✓ s3 a', '00:00:00 ✓ s3 b', '00:00:00 ✓ s3 c']);
  });
});

describe('the request log lines', () => {
  it('put the outcome before the request, with the HTTP status when there is one', () => {
    const log: PanelModel = {
      kind: 'request-log',
      total: 2,
      rows: [
        { time: '00:00:01', service: '', request: 'GET /orders', status: '429', outcome: 'THROTTLED', isError: true },
        { time: '00:00:02', service: '', request: 'GET /orders', status: '200', outcome: 'ok', isError: false },
      ],
    };
    expect(panelLines(log, 40).map(textOf).slice(1)).toEqual(['00:00:01 ✗ 429 THROTTLED GET /orders', '00:00:02 ✓ 200 GET /orders']);
  });
});
