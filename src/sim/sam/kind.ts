// The contract each supported resource type fills: the properties it accepts, the attributes Fn::GetAtt
// may read, extra checks SAM's transform makes, and how it is created (and updated on redeploy) by
// calling the services' own operations, never by copying their logic.
import type { Result } from '../result.js';
import type { World } from '../world.js';
import type { Problems } from './problems.js';
import type { SafeDeploymentPort } from './safe-deployment-port.js';
import type { ResourceDecl } from './template.js';
import type { Scope } from './intrinsics.js';

/** Something a deploy made, as a stack event shows it. */
export interface StackResource {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  /** The `Ref` value other resources see (a table name, an API id, a function name ...). */
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly status: 'CREATE_COMPLETE' | 'UPDATE_COMPLETE' | 'UPDATE_NOT_NEEDED';
  /** Resources SAM generates for this one (role, version, alias, stage, mapping, usage plan ...). */
  readonly generated?: readonly GeneratedResource[];
  /** Kept between deploys, e.g. the function version the alias pointed at. */
  readonly memory?: Readonly<Record<string, string>>;
}

export interface GeneratedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  /** Set when it differs from its resource's (a version created by a function update). */
  readonly status?: StackResource['status'];
}

/** What a kind's `create` gets: the world, the resolved properties and what exists so far. */
export interface DeployContext {
  readonly world: World;
  readonly stackName: string;
  /** Every resource of the template, Globals merged, in template order. */
  readonly resources: readonly ResourceDecl[];
  /** Resources already made in this deploy (and, on redeploy, kept from the last one). */
  readonly made: ReadonlyMap<string, StackResource>;
  readonly scope: Scope;
  /** The same resource from the previous deploy of this stack, if any. */
  readonly previous?: StackResource;
  readonly safeDeployment?: SafeDeploymentPort;
  /** Lines the deploy prints after the events (e.g. a preference that was not simulated). */
  readonly notes: string[];
  /** A CloudFormation-style name: `<stack>-<logicalId>-<12 random characters>`, at most `maxLength`. */
  physicalName(logicalId: string, maxLength?: number): string;
}

/** A created resource before the deploy stamps logical id, type and status on it. */
export type Made = Omit<StackResource, 'logicalId' | 'type' | 'status'> & { readonly status?: StackResource['status'] };

export interface ResourceKind {
  readonly type: string;
  readonly properties: readonly string[];
  readonly required: readonly string[];
  /** Attribute names `Fn::GetAtt` may read. */
  readonly attributes: readonly string[];
  /** Further static checks (events, DeploymentPreference, PrimaryKey ...). */
  readonly check?: (resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems) => void;
  /** Logical ids this resource is built after besides those it references (an API after its functions). */
  readonly builtAfter?: (resource: ResourceDecl, all: readonly ResourceDecl[]) => readonly string[];
  /** Property paths whose references do not order creation (an Api event's RestApiId). */
  readonly ignoredForOrder?: (path: readonly (string | number)[]) => boolean;
  /** Creates the resource, or updates it when `context.previous` is set. `properties` are resolved. */
  readonly deploy: (context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>) => Result<Made>;
}

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
export const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The members of `properties` that are set, for passing on to an operation. */
export function defined(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}
