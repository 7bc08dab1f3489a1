/** The server's version as it announces itself; a test keeps it equal to package.json. */
export const SERVER_NAME = "wrikekit-mcp";
export const SERVER_VERSION = "0.1.0";
