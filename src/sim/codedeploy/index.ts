// CodeDeploy's public surface (Lambda deployments). Importing it registers the deployment timers.
export { CODEDEPLOY_OPERATIONS, CODEDEPLOY_SIM_COMMANDS } from './commands.js';
export { DEPLOYMENT_TYPE_NAMES, LAMBDA_DEPLOYMENT_CONFIGS, findDeploymentConfig, trafficPercentAt, trafficSchedule, type DeploymentConfig, type TrafficStep } from './configs.js';
export {
  SAM_APPLICATION_NAME,
  alarmEnteredAlarm,
  deploymentGroupNameOf,
  findDeployment,
  startLambdaDeployment,
  stopDeployment,
  type LambdaDeploymentRequest,
} from './deployments.js';
export { HOOK_NAME_PREFIX } from './hooks.js';
export { codeDeployState, type DeploymentStatus, type LambdaDeployment } from './model.js';
export { registerCodeDeployPorts, type AlarmStateValue, type CodeDeployPorts } from './ports.js';
export { deploymentPanelJson, renderDeploymentInfo, renderDeploymentPanel, trafficSplit } from './show.js';
