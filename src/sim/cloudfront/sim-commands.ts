// CloudFront's own `sim` rows: `sim show distribution DIST` (caches and trigger runs per edge location)
// and `sim cloudfront edge-limits [classic|late-2025]`, the world flag for EDGE-05's changed limits.
// Requests go through `sim http ... --via cloudfront` (API Gateway's row, which calls sendViewerRequest).
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { awsError, fail, ok } from '../result.js';
import { EDGE_LIMITS_ERAS, triggerLimits, type EdgeLimitsEra } from './limits.js';
import { cloudFrontState, findDistribution } from './model.js';
import { noSuchDistribution } from './distributions.js';
import { describeDistributionForShow, formatDistributionView } from './show.js';

const showRow = defineShowCommand({
  subject: 'distribution',
  nameArg: 'DISTRIBUTION',
  summary: 'Shows a distribution: origin, TTLs, cache key, triggers, and per edge location its cache entries (age, TTL) and trigger runs.',
  example: 'sim show distribution E2QWRUHAPOMQZL',
  output: 'The distribution view: id, domainName, origin, ttlSeconds, cacheKey, associations, edgeLimits, locations [{location, cacheEntries [{key, status, ageSeconds, ttlSeconds, secondsLeft}], invocations}], invalidations.',
  show: (session, name) => {
    const distribution = findDistribution(session.world, name);
    if (distribution === undefined) return fail(noSuchDistribution(name));
    const view = describeDistributionForShow(session.world, distribution);
    return ok({ json: { ...view }, text: formatDistributionView(view) });
  },
});

function limitsText(era: EdgeLimitsEra): string {
  const viewer = triggerLimits(era, 'viewer-request');
  const origin = triggerLimits(era, 'origin-request');
  const line = (name: string, l: typeof viewer) => `${name}: ${l.memoryMaxMb} MB memory, ${l.timeoutMaxSeconds} s timeout, ${l.packageMaxBytes / 1_048_576} MB package, ${l.generatedResponseMaxBytes / 1_024} KB generated response`;
  return `Lambda@Edge limits: ${era} (EDGE-05)\n${line('viewer triggers', viewer)}\n${line('origin triggers', origin)}\n`;
}

const edgeLimitsRow: SimCommandSpec = {
  words: ['cloudfront', 'edge-limits'],
  args: [{ name: 'ERA', type: 'string', required: false, description: 'classic (default: 128 MB / 5 s / 1 MB for viewer triggers) or late-2025 (30 s / 50 MB everywhere).' }],
  flags: [],
  summary: "Shows or sets which Lambda@Edge limits association checks use (EDGE-05's values changed in late 2025, unconfirmed).",
  example: 'sim cloudfront edge-limits late-2025',
  output: '`{edgeLimits, viewer, origin}` with each trigger type\'s memoryMaxMb, timeoutMaxSeconds, packageMaxBytes, generatedResponseMaxBytes.',
  run: (session, input) => {
    const state = cloudFrontState(session.world);
    const wanted = input.args['ERA'] as string | undefined;
    if (wanted !== undefined) {
      if (!EDGE_LIMITS_ERAS.includes(wanted as EdgeLimitsEra)) return fail(awsError('InvalidArgument', 400, `Unknown limits era '${wanted}': use ${EDGE_LIMITS_ERAS.join(' or ')}.`));
      state.edgeLimits = wanted as EdgeLimitsEra;
    }
    const json = { edgeLimits: state.edgeLimits, viewer: triggerLimits(state.edgeLimits, 'viewer-request'), origin: triggerLimits(state.edgeLimits, 'origin-request') };
    return ok({ json, text: limitsText(state.edgeLimits) });
  },
};

export const CLOUDFRONT_SIM_COMMANDS: readonly SimCommandSpec[] = [showRow, edgeLimitsRow];
