// `sim http --repeat N`: the same request N times in a row (at the same virtual time), summarised:
// how many answered each status, and which deployment served how many (a stage's canary release).
import type { SimOutput } from '../cli/sim-command-spec.js';
import { ok, type Result } from '../result.js';
import type { ApiResponse } from './pipeline.js';

/** The most requests one `sim http --repeat` sends (a bound on user-controlled input). */
export const REPEAT_MAX = 1_000;

/** The JSON of one answer: status, headers, body, steps and, on a canary stage, who served it. */
export function responseJson(response: ApiResponse): Record<string, unknown> {
  return {
    status: response.statusCode, headers: response.headers, body: response.body, trace: response.steps,
    ...(response.servedBy === undefined ? {} : { servedBy: response.servedBy }),
  };
}

/** A last line under the curl-style text when the stage has a canary (API Gateway itself adds no header). */
export const servedByLine = (response: ApiResponse): string =>
  response.servedBy === undefined ? '' : `# served by deployment ${response.servedBy.deploymentId} (${response.servedBy.isCanaryRequest ? 'canary' : 'base'})\n`;

export function sendRepeatedly(send: () => Result<ApiResponse>, requests: number): Result<SimOutput> {
  const statuses: Record<string, number> = {};
  const deployments: Record<string, number> = {};
  let canaryRequests = 0;
  let last: ApiResponse | undefined;
  for (let i = 0; i < requests; i++) {
    const answered = send();
    if (!answered.ok) return answered;
    last = answered.value;
    statuses[String(last.statusCode)] = (statuses[String(last.statusCode)] ?? 0) + 1;
    if (last.servedBy !== undefined) {
      deployments[last.servedBy.deploymentId] = (deployments[last.servedBy.deploymentId] ?? 0) + 1;
      if (last.servedBy.isCanaryRequest) canaryRequests++;
    }
  }
  const lines = [
    `${requests} requests`,
    ...Object.entries(statuses).sort().map(([status, count]) => `status ${status}: ${count}`),
    ...Object.entries(deployments).sort().map(([id, count]) => `deployment ${id}: ${count}`),
    ...(Object.keys(deployments).length === 0 ? [] : [`canary requests: ${canaryRequests}`]),
  ];
  return ok({ json: { requests, statuses, deployments, canaryRequests, last: last === undefined ? undefined : responseJson(last) }, text: `${lines.join('\n')}\n` });
}
