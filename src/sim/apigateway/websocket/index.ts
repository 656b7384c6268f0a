// WebSocket APIs (API Gateway v2, protocol WEBSOCKET): definitions, connections on the virtual clock,
// the @connections management API and the sandbox rows. Importing it registers the idle and
// maximum-duration timers.
export { createRouteResponse, createWebSocketApi, createWebSocketAuthorizer, createWebSocketDeployment, createWebSocketIntegration, createWebSocketRoute, createWebSocketStage, deleteWebSocketRoute, findWebSocketApi } from './api.js';
export { APIGATEWAYMANAGEMENTAPI_OPERATIONS, WEBSOCKET_V2_OPERATIONS } from './commands.js';
export { closeConnection, connect, type ConnectOutcome } from './connections.js';
export * from './limits.js';
export { deleteConnection, getConnection, parseEndpoint, postToConnection } from './management.js';
export { sendMessage, type SendOutcome } from './messages.js';
export { findConnection, findWsApi, webSocketState, WEBSOCKET_SLOT, type ReceivedFrame, type WebSocketState, type WsApi, type WsConnection } from './model.js';
export { bodyPathOf, chooseRoute, evaluateSelection, type RouteChoice } from './route-selection.js';
export { WEBSOCKET_SIM_COMMANDS } from './sim-commands.js';
