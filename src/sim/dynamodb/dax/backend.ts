// The real DaxBackend (DDB-20): DAX calls the core's GetItem/Query/Scan/PutItem/UpdateItem/DeleteItem.
// The core operations act in `world.region`; DAX names the cluster's Region, so each call runs with
// `world.region` set to it and put back afterwards, whatever happens.
import type { ApiDocument } from '../../cli/operation-spec.js';
import type { Result } from '../../result.js';
import type { World } from '../../world.js';
import { deleteItem, getItem, putItem, updateItem } from '../items.js';
import { query, scan } from '../query-scan.js';
import type { BackendOperation, DaxBackend } from './operations.js';

/** Runs `body` with `world.region` set to `region` (the core's operations read the Region from the world). */
export function inRegion<T>(world: World, region: string, body: () => T): T {
  const previousRegion = world.region;
  world.region = region;
  try {
    return body();
  } finally {
    world.region = previousRegion;
  }
}

function inClusterRegion(operation: (world: World, request: ApiDocument) => Result<ApiDocument>): BackendOperation {
  return (world, request, region) => inRegion(world, region, () => operation(world, request));
}

/** DynamoDB itself, as a DAX cluster reaches it. */
export const DYNAMODB_DAX_BACKEND: DaxBackend = {
  getItem: inClusterRegion(getItem),
  query: inClusterRegion(query),
  scan: inClusterRegion(scan),
  putItem: inClusterRegion(putItem),
  updateItem: inClusterRegion(updateItem),
  deleteItem: inClusterRegion(deleteItem),
};
