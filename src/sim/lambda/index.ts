// Lambda's public surface. Importing it registers the async-queue and event-source-mapping timers.
export { billedDurationMs, computeCost, gbSecondsOf, isInitBilled, type CostBreakdown, type CostInput } from './billing.js';
export { LAMBDA_OPERATIONS, invokeCommand, readLambdaOutFile } from './commands.js';
export * from './concurrency-operations.js';
export { createEventSourceMapping } from './esm.js';
export { wakeEventSourceMappings } from './esm-poller.js';
export { cpuBoundDurationMs, findHandler, handlerCatalogue, HANDLER_NAMES, type CatalogueHandler, type HandlerContext, type HandlerOutcome, type HandlerRun } from './handlers.js';
export { INVOCATION_TYPES, invoke, type InvocationType, type InvokeRequest, type InvokeResponse } from './invoke.js';
export * from './limits.js';
export { LAMBDA_SLOT, accountConcurrencyInUse, lambdaState, setAccountConcurrencyLimit, type FunctionConfig, type FunctionState, type LambdaState } from './model.js';
export * from './aliases.js';
export { LAMBDA_PERMISSION_OPERATIONS, addPermission, getPolicy, removePermission, serviceMayInvoke, type PermissionStatement, type ServiceInvokeDecision } from './permissions.js';
export * from './operations.js';
export { registerLambdaPorts, type DestinationDeliveryRequest, type LambdaServicePorts, type PutItemPortRequest, type StreamReadResult, type StreamRecordForLambda } from './ports.js';
export { describeLambdaForShow, lambdaCostReport, type LambdaCostReport, type LambdaCostRow, type LambdaShowView } from './show.js';
export * from './edge-event.js';
export { BLOCKED_AGENTS, COUNTRY_PREFIXES, EDGE_BEHAVIOURS, SECURITY_HEADERS, cookiesOf, findEdgeBehaviour, type EdgeBehaviour } from './edge-handlers.js';
