// The front door for a viewer: `sendViewerRequest` picks the distribution (named, or the only one),
// the edge location (a location code such as FRA, or the viewer's country, served by its nearest
// location), builds the request CloudFront sees (Host, CloudFront-Viewer-Country) and serves it.
import type { EdgeHttpRequest } from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { DEFAULT_EDGE_LOCATION, EDGE_LOCATIONS, type EdgeLocation } from './limits.js';
import { cloudFrontState, findDistribution, type DistributionState } from './model.js';
import { noSuchDistribution } from './distributions.js';
import { serveRequest, type ServedResponse } from './serve.js';

export interface ViewerRequest {
  /** The distribution id or domain; optional when there is only one. */
  readonly distribution?: string;
  readonly method: string;
  /** The path with an optional query string: `/index.html?lang=de`; a full URL (`http://HOST/path`) also names the scheme. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** An edge location code (IAD, FRA, NRT, GRU, SYD) or the viewer's country (DE, JP ...). Default IAD. */
  readonly from?: string;
  /** The viewer's IP address (default 203.0.113.10). */
  readonly sourceIp?: string;
}

/** Where the viewer is: the location and the viewer's country (a location alone means its first country). */
export function locateViewer(from: string): Result<{ location: EdgeLocation; country: string }> {
  const code = from.toUpperCase();
  const byCode = EDGE_LOCATIONS.find((location) => location.code === code);
  if (byCode !== undefined) return ok({ location: byCode, country: byCode.countries[0]! });
  const byCountry = EDGE_LOCATIONS.find((location) => location.countries.includes(code));
  if (byCountry !== undefined) return ok({ location: byCountry, country: code });
  const known = EDGE_LOCATIONS.map((location) => `${location.code} (${location.countries.join(' ')})`).join(', ');
  return fail(awsError('InvalidArgument', 400, `Unknown edge location or country '${from}'. The sandbox's locations and the countries they serve: ${known}.`));
}

function pickDistribution(world: World, name: string | undefined): Result<DistributionState> {
  if (name !== undefined) {
    const found = findDistribution(world, name);
    return found === undefined ? fail(noSuchDistribution(name)) : ok(found);
  }
  const all = Object.values(cloudFrontState(world).distributions);
  if (all.length === 1) return ok(all[0]!);
  const ids = all.map((d) => d.id).sort().join(', ');
  return fail(awsError('DistributionRequired', 400, all.length === 0 ? 'No distribution exists yet: create one with aws cloudfront create-distribution.' : `Several distributions exist; name one with --distribution: ${ids}`));
}

/** A request id like CloudFront's x-amz-cf-id, from the seeded stream `cloudfront.requests`. */
function requestIdOf(world: World): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const stream = world.rng.stream('cloudfront.requests');
  let id = '';
  for (let i = 0; i < 40; i++) id += alphabet[stream.nextInt(alphabet.length)];
  return `${id}==`;
}

export function sendViewerRequest(world: World, input: ViewerRequest): Result<ServedResponse> {
  const distribution = pickDistribution(world, input.distribution);
  if (!distribution.ok) return distribution;
  const where = locateViewer(input.from ?? DEFAULT_EDGE_LOCATION);
  if (!where.ok) return where;
  const url = /^(https?):\/\/[^/]*(\/.*)?$/.exec(input.path);
  const path = url === null ? input.path : url[2] ?? '/';
  const at = path.indexOf('?');
  const headers: Record<string, string> = { host: distribution.value.domainName };
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  // Simulator simplification: every trigger sees the viewer's country (AWS adds it when a policy asks for it).
  headers['cloudfront-viewer-country'] = where.value.country;
  const request: EdgeHttpRequest = {
    method: input.method.toUpperCase(), uri: at === -1 ? path : path.slice(0, at), querystring: at === -1 ? '' : path.slice(at + 1),
    headers, clientIp: input.sourceIp ?? '203.0.113.10', ...(input.body === undefined ? {} : { body: input.body }),
  };
  return ok(serveRequest(world, distribution.value, where.value.location, request, requestIdOf(world), url?.[1] === 'http' ? 'http' : 'https'));
}
