/** startEmulatorServer: the emulator on a loopback port, optionally persisted to a state file. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatorCredentials } from "./credentials.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
import { toEmulatorError } from "./engine/errors.js";
import { sendFetchResponse, toFetchRequest } from "./node/http-bridge.js";
import { readStateFile, writeStateFile } from "./node/state-file.js";

export interface EmulatorServerOptions extends Omit<EmulatorOptions, "state"> {
  /** Default 0: any free port. */
  port?: number;
  /** Seeds from this file when it exists, and saves to it on stop(). */
  stateFile?: string;
}

export interface EmulatorServer {
  /** http://127.0.0.1:<port>, to use as the client's baseUrl. */
  url: string;
  credentials: EmulatorCredentials;
  emulator: Emulator;
  /** Saves the state file now (stop() does too). */
  save(): Promise<void>;
  /** Stops listening, closes open connections and saves the state file. Safe to call twice. */
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 only: the seeded credentials are public, so the emulator must not be reachable from elsewhere. */
const HOST = "127.0.0.1";

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 0, stateFile, ...emulatorOptions } = options;
  const saved = stateFile === undefined ? undefined : await readStateFile(stateFile);
  const emulator = createEmulator({ ...emulatorOptions, ...(saved === undefined ? {} : { state: saved }) });

  const server = createServer((req, res) => {
    toFetchRequest(req, `${HOST}:${port}`)
      .then((request) => emulator.handle(request))
      .then((response) => sendFetchResponse(response, res))
      .catch((error: unknown) => {
        // A broken connection or an emulator bug: answer once if still possible, never crash the server.
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=UTF-8" });
        res.end(toEmulatorError(error).message);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;

  const save = async () => {
    if (stateFile !== undefined) await writeStateFile(stateFile, emulator.save());
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(save));

  return { url, credentials: emulator.credentials, emulator, save, stop };
}
