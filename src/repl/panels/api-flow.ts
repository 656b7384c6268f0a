// The API Gateway request flow of the latest request: client → authorizer (cache hit or miss) →
// cache → integration → response, each stage passed, stopped or not reached, read from the
// `Request` trace event's steps and the authorizer's own event. Pure.
import type { TraceEvent } from '../../sim/index.js';

export type StageState = 'passed' | 'stopped' | 'not-reached' | 'skipped';

export interface FlowStage {
  readonly name: 'client' | 'authorizer' | 'cache' | 'integration' | 'response';
  readonly state: StageState;
  /** What happened there: `GET /orders`, `allow · cache miss`, `AWS_PROXY 301 ms`, `200` ... */
  readonly text: string;
}

export interface ApiFlow {
  readonly kind: 'api-flow';
  readonly stages: readonly FlowStage[];
}

interface PipelineStep {
  readonly step: string;
  readonly outcome: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

function stepsOf(event: TraceEvent): PipelineStep[] {
  const steps = event.detail['steps'];
  return Array.isArray(steps) ? (steps as PipelineStep[]) : [];
}

function authorizerStage(step: PipelineStep | undefined, decided: TraceEvent | undefined, isReached: boolean): FlowStage {
  if (step === undefined) return isReached ? { name: 'authorizer', state: 'skipped', text: 'none' } : { name: 'authorizer', state: 'not-reached', text: '' };
  const cache = decided?.detail['cache'];
  const cacheText = cache === 'hit' ? ' · cache hit' : cache === 'miss' ? ' · cache miss' : '';
  return { name: 'authorizer', state: step.outcome === 'allow' ? 'passed' : 'stopped', text: `${step.outcome}${cacheText}` };
}

function cacheStage(event: TraceEvent, isReached: boolean): FlowStage {
  const cache = String(event.detail['cache'] ?? 'off');
  if (!isReached) return { name: 'cache', state: 'not-reached', text: '' };
  if (cache === 'off') return { name: 'cache', state: 'skipped', text: 'off' };
  return { name: 'cache', state: cache === 'hit' ? 'stopped' : 'passed', text: cache === 'hit' ? 'hit: answered from the cache' : cache };
}

/** The flow of the latest API Gateway request in `events`, or undefined when there is none. */
export function toApiFlow(events: readonly TraceEvent[]): ApiFlow | undefined {
  const request = events.findLast((event) => event.service === 'apigateway' && event.operation === 'Request');
  if (request === undefined) return undefined;
  // The authorizer's own event comes just before its request, at the same virtual time.
  const decided = events.findLast((event) => event.operation === 'authorizer-decided' && event.seq < request.seq && event.timeMs === request.timeMs);
  const steps = stepsOf(request);
  const find = (name: string) => steps.find((step) => step.step === name);
  const authorizer = find('authorizer');
  const integration = find('integration');
  const isCacheHit = request.detail['cache'] === 'hit';
  // Without an authorizer step, it was either not configured (the request went on) or never reached.
  const wentOn = integration !== undefined || isCacheHit || request.outcome === 'ok';
  const statusCode = String(request.detail['statusCode'] ?? '');
  const integrationText = integration === undefined ? '' : `${String(integration.detail?.['type'] ?? '')} ${String(integration.detail?.['latencyMs'] ?? '')} ms`.trim();
  return {
    kind: 'api-flow',
    stages: [
      { name: 'client', state: 'passed', text: `${String(request.detail['method'])} ${String(request.detail['path'])}` },
      authorizerStage(authorizer, decided, wentOn),
      cacheStage(request, integration !== undefined || isCacheHit),
      integration === undefined
        ? { name: 'integration', state: isCacheHit ? 'skipped' : 'not-reached', text: '' }
        : { name: 'integration', state: integration.outcome === 'ok' ? 'passed' : 'stopped', text: integrationText },
      { name: 'response', state: request.outcome === 'ok' ? 'passed' : 'stopped', text: `${statusCode} ${request.outcome === 'ok' ? '' : request.outcome}`.trim() },
    ],
  };
}
