/** The demo's command line: `--api v4|v2` (default v4) and `--write` (real Wrike, v4 only). */
import { parseArgs } from "node:util";

export type ApiVersion = "v4" | "v2";

export interface DemoArgs {
  api: ApiVersion;
  write: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm demo [--api v4|v2] [--write]

  --api v4   (default) the Wrike API v4 story: the embedded emulator, or real Wrike with WRIKE_TOKEN
             (a permanent token; WRIKE_HOST for another data centre, e.g. app-eu.wrike.com)
  --api v2   the retired v2 story: the emulator, or real Wrike (read only) with WRIKE_CONSUMER_KEY,
             WRIKE_CONSUMER_SECRET, WRIKE_TOKEN and WRIKE_TOKEN_SECRET
  --write    v4 against real Wrike only: create a scratch folder, work inside it, delete it
             (without it, real Wrike is only read); Ctrl-C stops the run and deletes it first
  --help     show this text

  WRIKE_BASE_URL (instead of WRIKE_HOST) sends the calls to another origin: a proxy, or a local
  wrikekit-emulator (WRIKE_HOST=127.0.0.1:PORT does the same; http only for localhost)`;

/** Bad command-line input; its message says what to change. */
export class DemoUsageError extends Error {
  override readonly name = "DemoUsageError";
}

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  let values: { api?: string; write?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { api: { type: "string" }, write: { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new DemoUsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const api = values.api ?? "v4";
  if (api !== "v4" && api !== "v2") throw new DemoUsageError(`--api must be v4 or v2, got ${JSON.stringify(api)}\n\n${USAGE}`);
  if (api === "v2" && values.write) throw new DemoUsageError(`--write is for the v4 story against real Wrike; the v2 story is unchanged and takes no --write\n\n${USAGE}`);
  return { api, write: values.write ?? false, help: values.help ?? false };
}
