// The names the world holds (tables, functions, APIs, roles, buckets, user pools ...), read for Tab
// completion after each line runs. Reading never changes what the learner sees: list operations run
// with a recorder that drops their trace entries, and a failure only means fewer names to complete.
import { apigateway, cognito, parseLine, NO_FILES, type ApiDocument, type SandboxSession } from '../../../sim/index.js';
import type { WorldNames } from './completion.js';

interface ListSource {
  readonly kind: string;
  readonly line: string;
  readonly pick: (response: ApiDocument) => unknown[];
}

const field = (list: string, member: string) => (response: ApiDocument): unknown[] => {
  const items = response[list];
  return Array.isArray(items) ? items.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[member] : undefined)) : [];
};

const LIST_SOURCES: readonly ListSource[] = [
  { kind: 'table', line: 'aws dynamodb list-tables', pick: (response) => (Array.isArray(response['TableNames']) ? response['TableNames'] : []) },
  { kind: 'function', line: 'aws lambda list-functions', pick: field('Functions', 'FunctionName') },
  { kind: 'role', line: 'aws iam list-roles', pick: field('Roles', 'RoleName') },
  { kind: 'bucket', line: 'aws s3api list-buckets', pick: field('Buckets', 'Name') },
  { kind: 'rest-api', line: 'aws apigateway get-rest-apis', pick: field('items', 'id') },
  { kind: 'api-name', line: 'aws apigateway get-rest-apis', pick: field('items', 'name') },
];

function runQuietly(session: SandboxSession, line: string): ApiDocument | undefined {
  const parsed = parseLine(line, { table: session.table, io: NO_FILES });
  if (parsed.kind !== 'aws') return undefined;
  const world = session.world;
  const result = world.withRecorder(() => undefined, () => parsed.spec.run(world, parsed.request));
  return result.ok ? result.value : undefined;
}

function stateNames(session: SandboxSession): Record<string, string[]> {
  const world = session.world;
  const pools = cognito.cognitoState(world);
  const gateway = apigateway.apiGatewayState(world);
  return {
    'user-pool': Object.keys(pools.userPools),
    'identity-pool': Object.keys(pools.identityPools),
    client: Object.values(pools.userPools).flatMap((pool) => Object.keys(pool.clients)),
    'http-api': Object.keys(gateway.httpApis),
    'api-name': Object.values(gateway.httpApis).map((api) => api.name),
  };
}

/** Every name the world holds, by kind, sorted; kinds with nothing are left out. */
export function readWorldNames(session: SandboxSession): WorldNames {
  const names: Record<string, Set<string>> = {};
  const add = (kind: string, values: readonly unknown[]): void => {
    for (const value of values) if (typeof value === 'string' && value !== '') (names[kind] ??= new Set()).add(value);
  };
  for (const source of LIST_SOURCES) {
    try {
      const response = runQuietly(session, source.line);
      if (response !== undefined) add(source.kind, source.pick(response));
    } catch {
      // A service that cannot list today only means fewer completions.
    }
  }
  try {
    for (const [kind, values] of Object.entries(stateNames(session))) add(kind, values);
  } catch {
    // As above.
  }
  return Object.fromEntries(Object.entries(names).map(([kind, set]) => [kind, [...set].sort()]));
}
