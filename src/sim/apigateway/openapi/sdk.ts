// get-sdk --sdk-type javascript: a small, readable JavaScript client for a stage of a REST API, written
// as one text file. It mirrors what API Gateway's generated SDK gives a caller (one function per method,
// named like AWS's `petsPetIdGet`; the stage's base URL; the x-api-key header where a method requires an
// API key) but it is NOT the code AWS generates: AWS answers a zip holding apigClient.js and helper
// libraries, and its client also signs requests with SigV4 for IAM methods.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-generate-sdk.html,
// https://docs.aws.amazon.com/cli/latest/reference/apigateway/get-sdk.html (sdk types).
import { fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import type { Method, Resource, RestApi } from '../model.js';
import { badRequest, notFound } from '../rest-api.js';

/** The SDK types API Gateway generates; the simulator writes only `javascript`. */
export const SDK_TYPES = ['java', 'javascript', 'android', 'objectivec', 'swift', 'ruby'] as const;

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `/pets/{petId}` + GET → `petsPetIdGet`; `/` + GET → `rootGet` (AWS's naming in the JavaScript SDK). */
export function sdkFunctionName(path: string, httpMethod: string): string {
  const words = path.split('/').flatMap((part) => part.replace(/[{}+]/g, '').split(/[^A-Za-z0-9]+/)).filter((w) => w !== '');
  const base = words.length === 0 ? 'root' : words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalise(w))).join('');
  return `${base}${capitalise(httpMethod.toLowerCase())}`;
}

function pathExpression(path: string): string {
  const filled = path.replace(/\{([A-Za-z0-9._-]+)(\+?)\}/g, (_, name: string, greedy: string) => `\${${greedy === '+' ? 'encodeURI' : 'encodeURIComponent'}(params[${JSON.stringify(name)}])}`);
  return `\`${filled}\``;
}

function notesOf(api: RestApi, method: Method): string {
  const notes: string[] = [];
  if (method.apiKeyRequired) notes.push('sends the API key');
  if (method.authorizationType === 'AWS_IAM') notes.push('needs a SigV4-signed request (not signed here)');
  const authorizer = method.authorizerId === undefined ? undefined : api.authorizers[method.authorizerId];
  if (authorizer !== undefined && authorizer.type !== 'AWS_IAM') notes.push(`authorizer ${authorizer.name}: pass its token in config.headers`);
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

function functionOf(api: RestApi, resource: Resource, method: Method): string {
  const query = Object.keys(method.requestParameters).flatMap((key) => /^method\.request\.querystring\.(.+)$/.exec(key)?.[1] ?? []).sort();
  const queryText = `{ ${query.map((name) => `${JSON.stringify(name)}: params[${JSON.stringify(name)}]`).join(', ')} }`.replace('{  }', '{}');
  const verb = method.httpMethod === 'ANY' ? 'params.method ?? \'GET\'' : `'${method.httpMethod}'`;
  return [
    `    /** ${method.httpMethod} ${resource.path}${notesOf(api, method)} */`,
    `    ${sdkFunctionName(resource.path, method.httpMethod)}: (params = {}, body) => call(config, ${verb}, ${pathExpression(resource.path)}, ${queryText}, body, ${method.apiKeyRequired}),`,
  ].join('\n');
}

const CALL = `async function call(config, method, path, query, body, needsApiKey) {
  const url = new URL(BASE_URL + path);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  const headers = { 'content-type': 'application/json', ...(config.headers ?? {}) };
  if (needsApiKey) headers['x-api-key'] = config.apiKey;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}`;

/** The client's source text for `stageName` of `api` (what that stage's deployment serves). */
export function generateSdk(world: World, api: RestApi, stageName: string, sdkType: string): Result<string> {
  if (!(SDK_TYPES as readonly string[]).includes(sdkType)) return fail(badRequest(`Invalid SDK type: ${sdkType}. Valid types are ${SDK_TYPES.join(', ')}.`));
  const stage = api.stages[stageName];
  if (stage === undefined) return fail(notFound('Invalid Stage identifier specified'));
  if (sdkType !== 'javascript') return fail(badRequest(`The simulator writes only the javascript SDK; ${sdkType} is a real SDK type it does not generate.`));
  const resources = Object.values(api.deployments[stage.deploymentId]!.resources).sort((a, b) => a.path.localeCompare(b.path));
  const functions = resources.flatMap((resource) => Object.values(resource.methods).sort((a, b) => a.httpMethod.localeCompare(b.httpMethod)).map((method) => functionOf(api, resource, method)));
  return ok([
    `// JavaScript client for the REST API "${api.name}" (${api.id}), stage "${stageName}".`,
    '// Written by the trainer\'s simulator (aws apigateway get-sdk --sdk-type javascript) to show what a',
    '// generated SDK gives you: one function per method, the stage URL, the x-api-key header where a method',
    '// requires an API key. AWS\'s real SDK is a zip (apigClient.js plus helpers) that also signs IAM calls.',
    '',
    `const BASE_URL = 'https://${api.id}.execute-api.${world.region}.amazonaws.com/${stageName}';`,
    '',
    CALL,
    '',
    '/** config: { apiKey, headers } */',
    'export function newClient(config = {}) {',
    '  return {',
    ...functions,
    '  };',
    '}',
    '',
  ].join('\n'));
}
