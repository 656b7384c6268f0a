// The real DaxBackend (DDB-20): DAX calls the core's GetItem/Query/Scan/PutItem/UpdateItem/DeleteItem.
// The core operations act in `world.region`; DAX names the cluster's Region, so each call runs with
// `world.region` set to it and put back afterwards, whatever happens (`World.inRegion`).
import type { ApiDocument } from '../../cli/operation-spec.js';
import type { Result } from '../../result.js';
import type { World } from '../../world.js';
import { deleteItem, getItem, putItem, updateItem } from '../items.js';
import { query, scan } from '../query-scan.js';
import type { BackendOperation, DaxBackend } from './operations.js';

function inClusterRegion(operation: (world: World, request: ApiDocument) => Result<ApiDocument>): BackendOperation {
  return (world, request, region) => world.inRegion(region, () => operation(world, request));
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
