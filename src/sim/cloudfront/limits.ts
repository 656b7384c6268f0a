// CloudFront's numbers. Every AWS value cites its fact in ../shared/aws-facts.md (EDGE-xx) or the AWS
// page it comes from; values marked "simulator assumption" are choices of this simulator (docs/cloudfront.md).
import type { EdgeEventType } from '../lambda/index.js';

/**
 * TTL defaults of a cache behavior: MinTTL 0 s, DefaultTTL 86,400 s (one day), MaxTTL 31,536,000 s
 * (one year). Not on the facts sheet; source: CloudFront Developer Guide, "Managing how long content
 * stays in the cache (expiration)" (Expiration.html).
 */
export const MIN_TTL_DEFAULT_SECONDS = 0;
export const DEFAULT_TTL_DEFAULT_SECONDS = 86_400;
export const MAX_TTL_DEFAULT_SECONDS = 31_536_000;

/** Which Lambda@Edge limits apply: the long-standing ones, or those the late-2025 quotas page lists. EDGE-05 */
export type EdgeLimitsEra = 'classic' | 'late-2025';
export const EDGE_LIMITS_ERAS: readonly EdgeLimitsEra[] = ['classic', 'late-2025'];

export interface TriggerLimits {
  readonly memoryMaxMb: number;
  readonly timeoutMaxSeconds: number;
  readonly packageMaxBytes: number;
  /** The largest response a function may generate (body), EDGE-05. */
  readonly generatedResponseMaxBytes: number;
}

const MB = 1_024 * 1_024;

/**
 * EDGE-05, classic values (quotas 2017 – mid-2025, what exam prep teaches): viewer triggers 128 MB,
 * 5 s, 1 MB compressed package, 40 KB generated response; origin triggers memory as regular Lambda
 * (10,240 MB, LAM-01), 30 s, 50 MB, 1 MB generated response.
 */
const CLASSIC_VIEWER: TriggerLimits = { memoryMaxMb: 128, timeoutMaxSeconds: 5, packageMaxBytes: MB, generatedResponseMaxBytes: 40 * 1_024 };
const CLASSIC_ORIGIN: TriggerLimits = { memoryMaxMb: 10_240, timeoutMaxSeconds: 30, packageMaxBytes: 50 * MB, generatedResponseMaxBytes: MB };

/**
 * EDGE-05, late-2025 quotas page (UNCONFIRMED change): 30 s, 50 MB and Lambda's memory for every
 * trigger; only the generated-response size still differs (40 KB viewer, 1 MB origin).
 */
const LATE_2025_VIEWER: TriggerLimits = { ...CLASSIC_ORIGIN, generatedResponseMaxBytes: 40 * 1_024 };

export function triggerLimits(era: EdgeLimitsEra, eventType: EdgeEventType): TriggerLimits {
  const isViewer = eventType === 'viewer-request' || eventType === 'viewer-response';
  if (!isViewer) return CLASSIC_ORIGIN;
  return era === 'classic' ? CLASSIC_VIEWER : LATE_2025_VIEWER;
}

/** Lambda@Edge functions must be authored in us-east-1 (N. Virginia). EDGE-03 */
export const EDGE_FUNCTION_REGION = 'us-east-1';
/** Lambda@Edge runs Node.js and Python only. EDGE-03 */
export const EDGE_RUNTIME_PREFIXES: readonly string[] = ['nodejs', 'python'];
/** /tmp above 512 MB is not supported at the edge. EDGE-04 */
export const EDGE_EPHEMERAL_STORAGE_MAX_MB = 512;

/** CloudFront Functions: at most 10 KB of code and 2 MB of memory; viewer events only. EDGE-07 */
export const CF_FUNCTION_CODE_MAX_BYTES = 10 * 1_024;
export const CF_FUNCTION_MEMORY_MAX_BYTES = 2 * MB;
export const CF_FUNCTION_EVENT_TYPES: readonly EdgeEventType[] = ['viewer-request', 'viewer-response'];
export const CF_FUNCTION_RUNTIMES: readonly string[] = ['cloudfront-js-1.0', 'cloudfront-js-2.0'];

/** Simulator assumption: the edge locations a request can come from, with the Region nearest each
 * (where Lambda@Edge runs and logs) and the countries it serves. */
export interface EdgeLocation {
  readonly code: string;
  readonly city: string;
  readonly region: string;
  readonly countries: readonly string[];
}

export const EDGE_LOCATIONS: readonly EdgeLocation[] = [
  { code: 'IAD', city: 'Washington, D.C.', region: 'us-east-1', countries: ['US', 'CA', 'MX'] },
  { code: 'FRA', city: 'Frankfurt', region: 'eu-central-1', countries: ['DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'PL', 'IE'] },
  { code: 'NRT', city: 'Tokyo', region: 'ap-northeast-1', countries: ['JP', 'KR', 'TW'] },
  { code: 'GRU', city: 'São Paulo', region: 'sa-east-1', countries: ['BR', 'AR', 'CL'] },
  { code: 'SYD', city: 'Sydney', region: 'ap-southeast-2', countries: ['AU', 'NZ'] },
];

/** Simulator assumption: a request that names no location comes from IAD, from the US. */
export const DEFAULT_EDGE_LOCATION = 'IAD';

const KB = 1_024;

/**
 * CloudFront's rows of SIMULATOR_LIMITS (src/sim/limits-table.ts), the numbers quiz text may quote.
 * The viewer-trigger timeout and package size are left out on purpose: EDGE-05 says the quiz must not
 * ask for them (classic 5 s / 1 MB vs late-2025 30 s / 50 MB).
 */
export const CLOUDFRONT_LIMITS = {
  'cloudfront.defaultTtlSeconds': DEFAULT_TTL_DEFAULT_SECONDS,
  'cloudfront.maxTtlSeconds': MAX_TTL_DEFAULT_SECONDS,
  'cloudfront.edgeViewerMemoryMaxMb': CLASSIC_VIEWER.memoryMaxMb,
  'cloudfront.edgeOriginTimeoutMaxSeconds': CLASSIC_ORIGIN.timeoutMaxSeconds,
  'cloudfront.edgeViewerGeneratedResponseMaxKb': CLASSIC_VIEWER.generatedResponseMaxBytes / KB,
  'cloudfront.edgeOriginGeneratedResponseMaxMb': CLASSIC_ORIGIN.generatedResponseMaxBytes / MB,
  'cloudfront.functionCodeMaxKb': CF_FUNCTION_CODE_MAX_BYTES / KB,
  'cloudfront.functionMemoryMaxMb': CF_FUNCTION_MEMORY_MAX_BYTES / MB,
} as const;
