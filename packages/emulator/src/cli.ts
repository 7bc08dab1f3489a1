/** The wrikekit-emulator command: options, start, and the startup block with the seeded credentials. */
import { parseArgs } from "node:util";
import { methodDescriptors } from "@wrikekit/client/server";
import type { EmulatorCredentials } from "./credentials.js";
import { startEmulatorServer, type EmulatorServer } from "./server.js";

export const USAGE = `Usage: wrikekit-emulator [--port N] [--state file.json] [--no-auto-approve]

  --port N            port on 127.0.0.1 (default 0: any free port)
  --state FILE        seed from FILE when it exists; save to it as changes happen
                      (atomically: a crash loses at most the last moment's) and on exit
  --no-auto-approve   show an approval page on /rest/auth/authorize instead of approving at once
  --help              show this text
  --version           show the version`;

export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export interface CliOptions {
  port: number;
  stateFile: string | undefined;
  autoApprove: boolean;
  help: boolean;
  version: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        state: { type: "string" },
        "no-auto-approve": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be an integer from 0 to 65535, got ${values.port}`);
  return { port, stateFile: values.state, autoApprove: values["no-auto-approve"] !== true, help: values.help === true, version: values.version === true };
}

/** The startup block: the only place the emulator ever prints secrets, on purpose, for local use. */
function startupBlock(url: string, credentials: EmulatorCredentials, options: CliOptions): string {
  const { consumerKey, consumerSecret, user, viewer, permanentToken } = credentials;
  return `wrikekit emulator listening on ${url}
  state         ${options.stateFile === undefined ? "in memory only" : `${options.stateFile} (saved as it changes and on exit)`}
  authorize     ${options.autoApprove ? `approves at once as ${user.uid}` : "shows an approval page"}

OAuth 1.0a credentials (local testing only):
  consumer key      ${consumerKey}
  consumer secret   ${consumerSecret}
  user ${user.uid} (Collaborator)
    token           ${user.token}
    token secret    ${user.tokenSecret}
  user ${viewer.uid} (Viewer: writes answer 405)
    token           ${viewer.token}
    token secret    ${viewer.tokenSecret}

OAuth 2.0 (client id and secret are the consumer key and secret):
  permanent token   ${permanentToken}
${v4Tokens(credentials)}

Endpoints:
  API      POST ${url}/api/json/v2/<method>   (or /api/xml/v2/, /api/v2/)
  OAuth    ${url}/rest/auth/request_token, /rest/auth/authorize, /rest/auth/access_token
  OAuth 2  ${url}/oauth2/authorize, /oauth2/token
  Upload   POST ${url}/emulator/attachments
  API v4   ${url}/api/v4/...            (REST; Bearer tokens)
  OAuth v4 ${url}/oauth2/authorize/v4, /oauth2/token

v2 methods (POST, arguments form-encoded: -d name=value, lists comma-separated, dates yyyy-MM-ddTHH:mm:ss; a JSON body is refused):
${v2MethodList()}

Try:
  curl -H "Authorization: Bearer ${permanentToken}" ${url}/api/v4/tasks
  curl -H "Authorization: Bearer ${permanentToken}" -d title=Hello -d dueDate=2030-01-31T17:00:00 ${url}/api/json/v2/wrike.task.add
`;
}

/** The v2 method ids by group, one line per group, so curl users see what there is to call. */
function v2MethodList(): string {
  const byGroup = new Map<string, string[]>();
  for (const id of Object.keys(methodDescriptors)) {
    const [, group, method] = id.split(".");
    byGroup.set(group!, [...(byGroup.get(group!) ?? []), method!]);
  }
  return [...byGroup].map(([group, methods]) => `  wrike.${group}.{${methods.join(",")}}`).join("\n");
}

/** The other permanent tokens, with the user's v4 rights and the token's scopes. */
function v4Tokens(credentials: EmulatorCredentials): string {
  return credentials.permanentTokens
    .filter((t) => t.token !== credentials.permanentToken)
    .map((t) => `  permanent token   ${t.token}   (${t.uid === credentials.viewer.uid ? "v4 Collaborator" : "owner"}, scopes ${t.scopes?.join(" ") ?? "all"})`)
    .join("\n");
}

export interface CliHooks {
  print: (text: string) => void;
  /** What --version prints (the bin reads it from the package's package.json). */
  version?: string;
  /** Called once the server listens, before the startup block is printed (the bin installs its signal handlers here). */
  onStarted?: (server: EmulatorServer) => void;
}

/** Starts the server and prints the startup block; undefined after --help or --version. */
export async function runCli(argv: readonly string[], hooks: CliHooks): Promise<EmulatorServer | undefined> {
  const options = parseCliArgs(argv);
  if (options.help || options.version) {
    hooks.print(options.help ? USAGE : `wrikekit-emulator ${hooks.version ?? "(version unknown)"}`);
    return undefined;
  }
  const server = await startEmulatorServer({ port: options.port, autoApprove: options.autoApprove, ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }) }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new Error(`port ${options.port} on 127.0.0.1 is in use (another emulator?): pass another --port, or --port 0 for any free one`, { cause: error });
    if (code === "EACCES") throw new Error(`port ${options.port} needs privileges this process lacks: pass a port above 1023, or --port 0 for any free one`, { cause: error });
    throw error;
  });
  hooks.onStarted?.(server);
  hooks.print(startupBlock(server.url, server.credentials, options));
  return server;
}
