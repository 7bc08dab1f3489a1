export type { ObjectJsonSchema, ToolAnnotations, ToolDefinition, ToolPaging, ToolTable } from "./table.js";
export { checkToolTable } from "./table.js";
export { prepareTools, createWrikeMcpServer, type PreparedTools, type WrikeMcpServerOptions } from "./server.js";
export { permittedOperations, type ToolMode, type ToolPolicy } from "./selection.js";
export { DEFAULT_BUDGET, type ResultBudget } from "./budget.js";
export type { CallContext } from "./invoke.js";
export { createConnector, type ConnectionOptions, type Connector, type Credentials, type OfflineBackend } from "./connection.js";
export { SERVER_NAME, SERVER_VERSION } from "./version.js";
