// SAM's public surface: validate and deploy templates on a world, the stacks deployed, the sandbox
// rows, and the safe-deployment port src/sim/wiring.ts fills (DeploymentPreference → traffic shifting).
export { deployStack, type DeployReport, type DeployRequest } from './deploy.js';
export { planTemplate, type DeployPlan, type PlanOptions } from './validate.js';
export { SAM_SIM_COMMANDS, defaultStackName, parseOverrides } from './sim-commands.js';
export { SAM_SLOT, samState, type SamState, type StackState } from './stack-state.js';
export type { GeneratedResource, StackResource } from './kind.js';
export { SUPPORTED_TYPES } from './kinds.js';
export { SAM_TRANSFORM } from './template.js';
export { DEPLOYMENT_TYPES, safeDeploymentPort, setSafeDeploymentPort, type SafeDeploymentPort, type SafeDeploymentRequest } from './safe-deployment-port.js';
