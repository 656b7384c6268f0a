// API Gateway's own `sim` rows: `sim http` sends a request to an API and prints the answer like
// `curl -i`; `sim show api` shows an API's routes, stages, buckets and cache; `sim http-endpoint add`
// registers a fake backend URL for HTTP integrations.
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec, SimInput, SimOutput } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invokeApi, invokeUrl } from './invoke-api.js';
import { REPEAT_MAX, responseJson, sendRepeatedly, servedByLine } from './sim-http-repeat.js';
import { apiGatewayState, findApi } from './model.js';
import type { ApiResponse } from './pipeline.js';
import { showHttpApi, showRestApi } from './show.js';
import * as cognito from '../cognito/index.js';
import { sendViewerRequest } from '../cloudfront/index.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The answer as `curl -i` prints it. */
export function formatCurl(response: Pick<ApiResponse, 'statusCode' | 'headers' | 'body'>): string {
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${response.statusCode} ${STATUS_TEXT[response.statusCode] ?? ''}`.trimEnd(), ...headers, '', response.body].join('\n') + '\n';
}

/** `sim http --verbose`: one `* step: outcome` line per pipeline step, a mapped body on its own lines. */
export function formatSteps(steps: ApiResponse['steps']): string {
  return steps.map((s) => {
    const { body, ...rest } = (s.detail ?? {}) as Record<string, unknown>;
    const detail = Object.keys(rest).length === 0 ? '' : ` ${JSON.stringify(rest)}`;
    const mapped = typeof body === 'string' ? `\n${body.split('\n').map((line) => `*   ${line}`).join('\n')}` : '';
    return `* ${s.step}: ${s.outcome}${detail}${mapped}\n`;
  }).join('');
}

function parseHeaders(text: string | undefined): Result<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const line of (text ?? '').split('\n').filter((l) => l !== '')) {
    const at = line.indexOf(':');
    if (at <= 0) return fail(awsError('InvalidHeader', 400, `A header must look like 'Name: value', got '${line}'`));
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return ok(headers);
}

/** The API named by --api, or the only API in the world. */
function pickApi(world: World, name: string | undefined): Result<string> {
  if (name !== undefined) return ok(name);
  const state = apiGatewayState(world);
  const all = [...Object.values(state.restApis), ...Object.values(state.httpApis)];
  if (all.length === 1) return ok(all[0]!.id);
  const names = all.map((a) => `${a.name} (${a.id})`).sort().join(', ');
  return fail(awsError('ApiRequired', 400, all.length === 0 ? 'No API exists yet: create one with aws apigateway create-rest-api or aws apigatewayv2 create-api.' : `Several APIs exist; name one with --api: ${names}`));
}

const httpRow: SimCommandSpec = {
  words: ['http'],
  args: [
    { name: 'METHOD', type: 'string', required: true, description: 'GET, POST, PUT, PATCH, DELETE ...' },
    { name: 'PATH', type: 'string', required: true, description: 'The path, e.g. /orders/42?expand=items (a leading /STAGE picks the stage), or a URL: https://api.example.com/v1/orders (a custom domain) or https://ID.execute-api.REGION.amazonaws.com/prod/orders.' },
  ],
  flags: [
    { flag: '--header', short: '-H', repeatable: true, type: 'string', required: false, description: "A request header 'Name: value' (-H; repeat for more)." },
    { flag: '--data', short: '-d', type: 'string', required: false, description: 'The request body (-d).' },
    { flag: '--api', type: 'string', required: false, description: 'The API name or id (needed when there are several).' },
    { flag: '--stage', type: 'string', required: false, description: 'The stage (default: from the path, else the only stage, else $default).' },
    { flag: '--repeat', type: 'integer', required: false, description: `Sends the same request N times (1–${REPEAT_MAX}) and prints a summary: statuses, and which deployment served how many (canary releases).` },
    { flag: '--api-key', type: 'string', required: false, description: 'Sends the x-api-key header (usage plans, APIGW-05).' },
    { flag: '--source-ip', type: 'string', required: false, description: 'The caller IP resource policies see (default 203.0.113.10).' },
    { flag: '--from-vpce', type: 'string', required: false, description: 'The caller is inside a VPC and sends through this interface VPC endpoint (aws ec2 create-vpc-endpoint); PRIVATE APIs need it, public ones refuse it (APIGW-02).' },
    { flag: '--sign-with', type: 'string', required: false, description: 'Signs the request with SigV4 using the credentials of sandbox profile PROFILE (sim profile save; APIGW-11).' },
    { flag: '--verbose', short: '-v', type: 'boolean', required: false, description: "Also prints each step API Gateway took (validation outcome, the integration request a template built, the integration response chosen), curl -v style." },
    { flag: '--via', type: 'string', required: false, description: 'cloudfront: send the request to a CloudFront distribution instead of an API (docs/cloudfront.md).' },
    { flag: '--distribution', type: 'string', required: false, description: 'With --via cloudfront: the distribution id or domain (needed when there are several).' },
    { flag: '--from', type: 'string', required: false, description: 'With --via cloudfront: the edge location (IAD, FRA, NRT, GRU, SYD) or the viewer\'s country (DE, JP ...); default IAD.' },
  ],
  summary: 'Sends an HTTP request to a simulated REST or HTTP API (with --via cloudfront: to a CloudFront distribution) and prints the response like curl -i.',
  example: "sim http GET /orders -H 'Authorization: allow' --stage prod",
  output: '`{status, headers, body, trace}` (+ `servedBy: {deploymentId, isCanaryRequest}` on a stage with a canary); trace lists the steps (custom-domain, canary, route, throttle, authorizer, cache, integration) with their outcomes. With --repeat: `{requests, statuses, deployments, canaryRequests, last}`.',
  run: (session, input) => {
    const signWith = profileCredentials(session.world, input.flags['sign-with'] as string | undefined);
    if (!signWith.ok) return signWith;
    const headers = parseHeaders(input.flags['header'] as string | undefined);
    if (!headers.ok) return headers;
    if (input.flags['via'] !== undefined) return viaCloudFront(session.world, input, headers.value);
    if (input.flags['from'] !== undefined || input.flags['distribution'] !== undefined) {
      return fail(awsError('InvalidArgument', 400, '--from and --distribution need --via cloudfront: an API request goes straight to API Gateway'));
    }
    const send = requestSender(session.world, input, headers.value, signWith.value);
    if (!send.ok) return send;
    const repeat = (input.flags['repeat'] as number | undefined) ?? 1;
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > REPEAT_MAX) return fail(awsError('InvalidArgument', 400, `--repeat takes 1 to ${REPEAT_MAX}, got ${repeat}`));
    if (repeat > 1) return sendRepeatedly(send.value, repeat);
    const answered = send.value();
    if (!answered.ok) return answered;
    const response = answered.value;
    const steps = input.flags['verbose'] === true ? formatSteps(response.steps) : '';
    return ok({ json: responseJson(response), text: steps + formatCurl(response) + servedByLine(response) });
  },
};

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string } | undefined;

/** One request as the flags describe it: to a URL (custom domain or execute-api host) or to --api / --stage. */
function requestSender(world: World, input: SimInput, headers: Record<string, string>, signWith: Credentials): Result<() => Result<ApiResponse>> {
  const apiKey = input.flags['api-key'] as string | undefined;
  const path = input.args['PATH'] as string;
  const optional = (member: string, flag: string) => (input.flags[flag] === undefined ? {} : { [member]: String(input.flags[flag]) });
  const common = {
    method: input.args['METHOD'] as string, headers: { ...headers, ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }) },
    ...optional('body', 'data'), ...optional('sourceIp', 'source-ip'), ...optional('fromVpce', 'from-vpce'), ...(signWith === undefined ? {} : { signWith }),
  };
  if (/^https?:\/\//i.test(path)) {
    if (input.flags['api'] !== undefined || input.flags['stage'] !== undefined) {
      return fail(awsError('InvalidArgument', 400, '--api and --stage are not used with a URL: the host (and a custom domain\'s base path mapping) picks the API and the stage'));
    }
    return ok(() => invokeUrl(world, path, common));
  }
  const api = pickApi(world, input.flags['api'] as string | undefined);
  if (!api.ok) return api;
  return ok(() => invokeApi(world, { ...common, api: api.value, path, ...optional('stage', 'stage') }));
}

/** `sim http ... --via cloudfront`: the same request, sent to a distribution at an edge location. */
function viaCloudFront(world: World, input: SimInput, headers: Record<string, string>): Result<SimOutput> {
  const via = String(input.flags['via']);
  if (via !== 'cloudfront') return fail(awsError('InvalidArgument', 400, `--via takes cloudfront, got '${via}'`));
  const apiOnly = ['api', 'stage', 'api-key', 'sign-with', 'from-vpce'].filter((flag) => input.flags[flag] !== undefined);
  if (apiOnly.length > 0) return fail(awsError('InvalidArgument', 400, `--${apiOnly.join(', --')} ${apiOnly.length === 1 ? 'is' : 'are'} for API requests, not with --via cloudfront (the distribution's origin decides where the request goes)`));
  const optional = (member: string, flag: string) => (input.flags[flag] === undefined ? {} : { [member]: String(input.flags[flag]) });
  const served = sendViewerRequest(world, {
    method: input.args['METHOD'] as string, path: input.args['PATH'] as string, headers,
    ...optional('distribution', 'distribution'), ...optional('from', 'from'), ...optional('body', 'data'), ...optional('sourceIp', 'source-ip'),
  });
  if (!served.ok) return served;
  const { statusCode, headers: answered, body, location, cache, triggersRun, steps } = served.value;
  return ok({ json: { status: statusCode, headers: answered, body, location, cache, triggersRun, trace: steps }, text: formatCurl(served.value) });
}

/**
 * The credentials a profile holds, expired ones included: a client signs with what it has, and API
 * Gateway is the one that refuses an expired token (that refusal is the lesson).
 */
function profileCredentials(world: World, profile: string | undefined): Result<{ accessKeyId: string; secretAccessKey: string; sessionToken: string } | undefined> {
  if (profile === undefined) return ok(undefined);
  const state = cognito.stsState(world);
  const accessKeyId = state.profiles[profile];
  const credential = accessKeyId === undefined ? undefined : state.credentials[accessKeyId];
  if (credential === undefined) {
    return fail(awsError('ProfileNotFound', 255, `The config profile (${profile}) could not be found. Save one with sim profile save ${profile} (see sim profile list).`));
  }
  return ok({ accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken: credential.sessionToken });
}

const showRow = defineShowCommand({
  subject: 'api',
  nameArg: 'API_NAME',
  summary: "Shows an API: routes, stages (cache and throttle settings, live cache entries), token buckets now, authorizers, usage plans.",
  example: 'sim show api orders-api',
  output: 'The API view: routes, stages with cacheEntries (key, secondsLeft), throttleBuckets (tokens now), authorizers, usagePlans.',
  show: (session, name) => {
    const api = findApi(session.world, name);
    if (api === undefined) return fail(awsError('NotFoundException', 404, `No REST or HTTP API named or with id ${name}`));
    const json = api.kind === 'REST' ? showRestApi(session.world, api) : showHttpApi(session.world, api);
    return ok({ json, text: `${stringifyAwsJson(json, 2)}\n` });
  },
});

const endpointRow: SimCommandSpec = {
  words: ['http-endpoint', 'add'],
  args: [{ name: 'URL', type: 'string', required: true, description: 'The URL an HTTP integration calls, e.g. https://backend.example.com/orders.' }],
  flags: [
    { flag: '--status', type: 'integer', required: false, description: 'The status it answers (default 200).' },
    { flag: '--body', type: 'string', required: false, description: 'The body it answers (default {}).' },
    { flag: '--latency', type: 'duration', required: false, description: 'How long it takes, e.g. 40s to see a 504 (default 1ms).' },
  ],
  summary: 'Registers a fake HTTP backend for HTTP / HTTP_PROXY integrations (unregistered URLs echo the request).',
  example: 'sim http-endpoint add https://backend.example.com/orders --status 200 --body \'{"orders":[]}\' --latency 40ms',
  output: '`{url, statusCode, body, latencyMs}`.',
  run: (session, input) => {
    const url = input.args['URL'] as string;
    const endpoint = { url, statusCode: (input.flags['status'] as number | undefined) ?? 200, body: (input.flags['body'] as string | undefined) ?? '{}', latencyMs: (input.flags['latency'] as number | undefined) ?? 1 };
    apiGatewayState(session.world).httpEndpoints[url] = endpoint;
    return ok({ json: { ...endpoint }, text: `${stringifyAwsJson({ ...endpoint }, 2)}\n` });
  },
};

export const APIGATEWAY_SIM_COMMANDS: readonly SimCommandSpec[] = [httpRow, showRow, endpointRow];
