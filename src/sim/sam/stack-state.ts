// The stacks SAM deployed in a world (slot `sam`): per stack its resources with their physical ids,
// attributes and what a redeploy compares, and the resolved Outputs. Plain data, so snapshots copy it.
import type { World } from '../world.js';
import type { StackResource } from './kind.js';

export interface StackState {
  readonly name: string;
  readonly stackId: string;
  readonly status: 'CREATE_COMPLETE' | 'UPDATE_COMPLETE';
  readonly createdMs: number;
  readonly updatedMs: number;
  /** The template file last deployed. */
  readonly file: string;
  /** By logical id, in creation order; `fingerprint` is what a redeploy compares. */
  readonly resources: Readonly<Record<string, StackResource & { readonly fingerprint: string }>>;
  readonly outputs: Readonly<Record<string, string>>;
}

export interface SamState {
  stacks: Record<string, StackState>;
}

export const SAM_SLOT = 'sam';

export function samState(world: World): SamState {
  return world.service<SamState>(SAM_SLOT, () => ({ stacks: {} }));
}
