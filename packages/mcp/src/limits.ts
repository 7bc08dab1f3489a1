/**
 * The largest MCP message the server takes, over stdio and HTTP alike. The SDK's defaults (10 MiB on stdio,
 * 4 MiB over HTTP) refuse uploads of 7.5 and 3 MiB (base64 grows a file by a third), and on stdio a message
 * over the limit ends the whole connection, since the SDK cannot skip one.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
