// Which live panels the runner screen shows, and how each reads as styled lines. The step's own
// panel (the latest one the scenario asked for) comes first, then Cognito's tokens and credentials
// when someone signed in or got credentials, the API Gateway flow when the scenario sent an API
// request, then the request log. Pure: the runner's world in, lines out.
import type { RunnerState } from '../../scenarios/index.js';
import { line, type StyledLine } from '../styled-line.js';
import { toApiFlow, type ApiFlow, type StageState } from './api-flow.js';
import { toCapacityGauge, type CapacityGauge, type DirectionGauge } from './capacity-gauge.js';
import { toCognitoPanel, type CognitoPanel } from './cognito-panel.js';
import { amount, bar, clockText, sparkline } from './draw.js';
import { toLambdaPanel, type LambdaPanel, type StartKind } from './lambda-panel.js';
import { toRequestLog, type RequestLog } from './request-log.js';

export type PanelModel = CapacityGauge | RequestLog | ApiFlow | LambdaPanel | CognitoPanel | { readonly kind: 'missing'; readonly message: string };

function requestedPanel(runner: RunnerState): PanelModel | undefined {
  const entry = runner.transcript.findLast((candidate) => candidate.type === 'panel');
  if (entry?.type !== 'panel') return undefined;
  const { world } = runner.session;
  const { kind, target } = entry.panel;
  switch (kind) {
    case 'capacity-gauge':
      return (target === undefined ? undefined : toCapacityGauge(world, target)) ?? { kind: 'missing', message: `No table ${target ?? ''} to show yet.` };
    case 'lambda-environments':
      return (target === undefined ? undefined : toLambdaPanel(world, target)) ?? { kind: 'missing', message: `No function ${target ?? ''} to show yet.` };
    default:
      // request-log, trace, iam-decision and stream-records all show as the request log.
      return toRequestLog(world.trace.all());
  }
}

export function panelsFor(runner: RunnerState): PanelModel[] {
  const events = runner.session.world.trace.all();
  const requested = requestedPanel(runner);
  // A panel about one resource leads; the request log (asked for or not) closes the list.
  const panels: PanelModel[] = requested === undefined || requested.kind === 'request-log' ? [] : [requested];
  const identities = toCognitoPanel(runner.session.world);
  if (identities !== undefined) panels.push(identities);
  const flow = toApiFlow(events);
  if (flow !== undefined) panels.push(flow);
  panels.push(requested?.kind === 'request-log' ? requested : toRequestLog(events));
  return panels;
}

function directionLines(gauge: DirectionGauge, billingMode: CapacityGauge['billingMode'], width: number): StyledLine[] {
  const rate = billingMode === 'PROVISIONED' ? `${amount(gauge.unitsPerSecond)}/s` : `on-demand, ${amount(gauge.unitsPerSecond)}/s now`;
  const head: StyledLine = [
    { text: `${gauge.unit} `, isBold: true },
    { text: `${rate} · used ${amount(gauge.usedThisSecond)} · ` },
    { text: `${gauge.throttledRequests} throttled`, ...(gauge.throttledRequests > 0 ? { tone: 'error' as const } : {}) },
  ];
  if (billingMode !== 'PROVISIONED') return [head];
  const label = ` burst ${amount(gauge.burstCreditUnits)}/${amount(gauge.burstCreditMaxUnits)}`;
  return [head, [{ text: bar(gauge.burstCreditUnits, gauge.burstCreditMaxUnits, Math.min(20, width - label.length - 2)), tone: 'accent' }, { text: label }]];
}

/** Most important first, so a short panel keeps what matters: the busier direction, then the history. */
function capacityLines(gauge: CapacityGauge, width: number): StyledLine[] {
  const label = (text: string): string => text.padEnd(12);
  const room = Math.max(4, width - 12);
  const last = gauge.secondsMs.at(-1);
  const readsFirst = gauge.read.throttledRequests > gauge.write.throttledRequests;
  const [first, second] = readsFirst ? [gauge.read, gauge.write] : [gauge.write, gauge.read];
  return [
    line(`DynamoDB capacity · ${gauge.tableName}`, 'accent', true),
    ...directionLines(first, gauge.billingMode, width),
    [{ text: label('units/s') }, { text: sparkline(gauge.consumedPerSecond.slice(-room)), tone: 'success' }],
    [{ text: label('throttled/s') }, { text: sparkline(gauge.throttledPerSecond.slice(-room)), tone: 'error' }],
    line(`${Math.min(room, gauge.secondsMs.length)} s of virtual time to ${last === undefined ? '-' : clockText(last)}`, 'muted'),
    ...directionLines(second, gauge.billingMode, width),
  ];
}

function requestLogLines(log: RequestLog): StyledLine[] {
  const title = line(`Requests · latest ${log.rows.length} of ${log.total}`, 'accent', true);
  if (log.rows.length === 0) return [title, line('No requests yet.', 'muted')];
  return [
    title,
    // The outcome comes before the request, so a narrow panel cuts the request name, never the result.
    ...log.rows.map((row): StyledLine => {
      const status = /^\d+$/.test(row.status) ? `${row.status} ` : '';
      return [
        { text: `${row.time} `, tone: 'muted' },
        row.isError ? { text: `✗ ${status}${row.outcome}`, tone: 'error' } : { text: `✓ ${status}`.trimEnd(), tone: 'success' },
        { text: ` ${row.service === '' ? '' : `${row.service} `}${row.request}` },
      ];
    }),
  ];
}

const STAGE_MARK: Readonly<Record<StageState, { mark: string; tone: 'success' | 'error' | 'muted' }>> = {
  passed: { mark: '✓', tone: 'success' },
  stopped: { mark: '✗', tone: 'error' },
  'not-reached': { mark: '·', tone: 'muted' },
  skipped: { mark: '–', tone: 'muted' },
};

function apiFlowLines(flow: ApiFlow): StyledLine[] {
  return [
    line('API Gateway request flow', 'accent', true),
    ...flow.stages.map((stage): StyledLine => {
      const { mark, tone } = STAGE_MARK[stage.state];
      const text = stage.state === 'not-reached' ? 'not reached' : stage.text;
      return [{ text: `${mark} `, tone }, { text: stage.name.padEnd(12), isBold: true }, { text }];
    }),
  ];
}

const START_MARK: Readonly<Record<StartKind, string>> = { cold: 'C', warm: 'w', throttled: 'T', failed: 'F' };

function lambdaLines(panel: LambdaPanel): StyledLine[] {
  const reserved = panel.reservedConcurrency === null ? 'none' : String(panel.reservedConcurrency);
  return [
    line(`Lambda · ${panel.functionName}`, 'accent', true),
    line(`environments: ${panel.environmentsBusy} busy of ${panel.environmentsTotal}`),
    line(`provisioned ${panel.provisioned} · reserved ${reserved}`),
    line(`invocations ${panel.invocations} · cold ${panel.coldStarts} · throttled ${panel.throttles}`),
    [{ text: 'latest ' }, { text: panel.recentStarts.map((kind) => START_MARK[kind]).join('') || '-', tone: 'accent' }],
    line('C cold, w warm, T throttled, F failed', 'muted'),
  ];
}

/** `42 min left`, `expired 3 min ago`: the time to an expiry on the virtual clock. */
export function expiryText(expiresMs: number, nowMs: number): string {
  const minutes = Math.round(Math.abs(expiresMs - nowMs) / 60_000);
  const span = minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
  return expiresMs > nowMs ? `${span} left` : `EXPIRED ${span} ago`;
}

function cognitoLines(panel: CognitoPanel): StyledLine[] {
  const until = (expiresMs: number): StyledLine => {
    const isExpired = expiresMs <= panel.nowMs;
    return [{ text: `  until ${clockText(expiresMs)} · ` }, { text: `${isExpired ? '✗ ' : ''}${expiryText(expiresMs, panel.nowMs)}`, tone: isExpired ? 'error' : 'success' }];
  };
  return [
    line(`Cognito · now ${clockText(panel.nowMs)}`, 'accent', true),
    ...panel.tokens.flatMap((row): StyledLine[] => [line(`${row.username}: tokens from ${clockText(row.issuedMs)}`), until(Math.min(row.idExpiresMs, row.accessExpiresMs))]),
    ...panel.credentials.flatMap((row): StyledLine[] => [line(`${row.accessKey} ${row.roleName}`), until(row.expiresMs)]),
  ];
}

/** The lines of one panel, its title first; `width` is the room for bars and sparklines. */
export function panelLines(panel: PanelModel, width: number): StyledLine[] {
  switch (panel.kind) {
    case 'capacity-gauge':
      return capacityLines(panel, width);
    case 'request-log':
      return requestLogLines(panel);
    case 'api-flow':
      return apiFlowLines(panel);
    case 'lambda':
      return lambdaLines(panel);
    case 'cognito':
      return cognitoLines(panel);
    case 'missing':
      return [line(panel.message, 'muted')];
    default: {
      const unreachable: never = panel;
      return unreachable;
    }
  }
}

/** A panel cut to `room` lines: the request log keeps its title and newest rows, others their top. */
function cut(panel: PanelModel, lines: readonly StyledLine[], room: number): StyledLine[] {
  if (lines.length <= room) return [...lines];
  if (panel.kind === 'request-log' && room >= 2) return [lines[0]!, ...lines.slice(-(room - 1))];
  return lines.slice(0, room);
}

/** The panels' lines that fit in `height`, a blank line between panels; later panels are dropped or cut. */
export function fitPanels(panels: readonly PanelModel[], width: number, height: number): StyledLine[] {
  const out: StyledLine[] = [];
  for (const panel of panels) {
    const gap = out.length === 0 ? 0 : 1;
    const room = height - out.length - gap;
    const lines = panelLines(panel, width);
    // A panel other than the first is shown only if its title and a line of it fit.
    if (room < (out.length === 0 ? 1 : Math.min(lines.length, 3))) break;
    if (gap === 1) out.push([]);
    out.push(...cut(panel, lines, room));
  }
  return out;
}
