/**
 * The backend without an account: the embedded Wrike emulator (@wrikekit/emulator), which serves all of
 * API v4 in memory. Calls reach it as the seeded account owner with its permanent token, whatever token the
 * transport sends; nothing leaves the process, and its data lasts as long as the server runs.
 */
import type { Emulator } from "@wrikekit/emulator";
import type { OfflineBackend } from "./connection.js";

export interface EmbeddedEmulator extends OfflineBackend {
  /** The emulator, loaded and seeded on the first call (a server with credentials never pays for it). */
  emulator(): Promise<Emulator>;
}

const createEmulator = async () => (await import("@wrikekit/emulator")).createEmulator();

export function embeddedEmulator(create: () => Emulator | Promise<Emulator> = createEmulator): EmbeddedEmulator {
  let instance: Promise<Emulator> | undefined;
  const emulator = () => (instance ??= Promise.resolve(create()));
  return {
    emulator,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const emu = await emulator();
      const token = emu.credentials.permanentToken;
      if (token === undefined) throw new Error("the embedded emulator's state has no permanent token to call it with");
      request.headers.set("authorization", `Bearer ${token}`);
      return emu.handle(request);
    },
  };
}

/** What the server tells the user and the assistant while it serves the emulator. */
export const OFFLINE_NOTICE =
  "serving the embedded Wrike emulator (offline): no Wrike account is used, nothing reaches Wrike, and changes last until the server stops. Set WRIKE_TOKEN or run `wrikekit-mcp login` to use a real account.";
