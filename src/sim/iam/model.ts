// IAM's state in a world (slot `iam`): roles with their trust policy, inline policies and attached
// managed policies. Policies are kept as the JSON data the learner gave (so get-role-policy shows them
// back as written) and parsed when evaluated. Plain data, so world snapshots copy it.
import type { World } from '../world.js';

export const IAM_SLOT = 'iam';

export interface RoleState {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDateMs: number;
  readonly description?: string;
  readonly maxSessionDurationSeconds: number;
  /** The trust policy as JSON data. */
  readonly assumeRolePolicyDocument: unknown;
  /** Inline policies by name, as JSON data, in the order they were first put. */
  readonly inlinePolicies: Record<string, unknown>;
  readonly attachedPolicyArns: string[];
  /** The managed policy that caps what the identity policies can grant (IAM-04), if any. */
  permissionsBoundaryArn?: string;
}

export interface IamState {
  /** Roles by lower-cased name: IAM role names are unique without regard to case. */
  readonly roles: Record<string, RoleState>;
}

export function iamState(world: World): IamState {
  return world.service<IamState>(IAM_SLOT, () => ({ roles: {} }));
}

export function findRole(world: World, roleName: string): RoleState | undefined {
  return iamState(world).roles[roleName.toLowerCase()];
}

/** `arn:aws:iam::123456789012:role/path/Name` → `Name`; undefined for anything else. */
export function roleNameFromArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}

/** AWS CLI timestamps: `2026-01-01T00:00:00+00:00`. */
export function formatIamDate(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
