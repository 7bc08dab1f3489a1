/** WRIKE_EMULATOR_PORT: where the embedded emulator listens (default 0, any free port). */
import { DemoUsageError } from "./args.js";

export function emulatorPort(env: Record<string, string | undefined>): number {
  const text = env.WRIKE_EMULATOR_PORT;
  if (text === undefined || text === "") return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new DemoUsageError(`WRIKE_EMULATOR_PORT must be a port from 0 to 65535, got ${JSON.stringify(text)}: pass a number, or leave it unset for any free port`);
  return port;
}
