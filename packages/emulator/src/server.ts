/** startEmulatorServer: the emulator on a loopback port, optionally persisted to a state file. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatorCredentials } from "./credentials.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
import { toEmulatorError } from "./engine/errors.js";
import { StateFormatError } from "./engine/persist.js";
import { isReadOnlyCall } from "./http/api.js";
import { BadRequestError, sendFetchResponse, toFetchRequest } from "./node/http-bridge.js";
import { createStatePersistence, readStateFile } from "./node/state-file.js";

export interface EmulatorServerOptions extends Omit<EmulatorOptions, "state"> {
  /** Default 0: any free port. */
  port?: number;
  /** Seeds from this file when it exists, saves to it shortly after every change (atomically) and on stop(). */
  stateFile?: string;
  /** Told when saving the state file as it changes fails (the next change tries again). Default: stderr. */
  onSaveError?: (error: unknown) => void;
}

export interface EmulatorServer {
  /** http://127.0.0.1:<port>, to use as the client's baseUrl. */
  url: string;
  credentials: EmulatorCredentials;
  emulator: Emulator;
  /** Saves the state file now (changes are saved as they happen, and stop() saves too). */
  save(): Promise<void>;
  /** Stops listening, closes open connections and saves the state file. Safe to call twice. */
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 only: the seeded credentials are public, so the emulator must not be reachable from elsewhere. */
const HOST = "127.0.0.1";

/** The emulator from the state file's JSON; a document it cannot read names the file. */
function createSeededEmulator(options: EmulatorOptions, saved: string | undefined, stateFile: string | undefined): Emulator {
  try {
    return createEmulator({ ...options, ...(saved === undefined ? {} : { state: saved }) });
  } catch (error) {
    if (error instanceof StateFormatError) throw new StateFormatError(`state file ${stateFile}: ${error.message}`, { cause: error });
    throw error;
  }
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 0, stateFile, onSaveError, ...emulatorOptions } = options;
  const saved = stateFile === undefined ? undefined : await readStateFile(stateFile);
  const emulator = createSeededEmulator(emulatorOptions, saved, stateFile);
  const onError = onSaveError ?? ((error: unknown) => process.stderr.write(`wrikekit emulator: could not save ${stateFile}: ${(error as Error).message}\n`));
  const persistence = stateFile === undefined ? undefined : createStatePersistence(stateFile, () => emulator.save(), { onError });

  const server = createServer((req, res) => {
    toFetchRequest(req, `${HOST}:${port}`)
      .then(async (request) => {
        const revision = emulator.v4.revision;
        const response = await emulator.handle(request);
        // A v4 GET can write too (?method=PUT, or a poll of GET /async_job that runs a batch): the v4 revision tells.
        if (persistence !== undefined && (!isReadOnlyCall(req.method ?? "GET", new URL(request.url).pathname) || emulator.v4.revision !== revision)) persistence.changed();
        return sendFetchResponse(response, res);
      })
      .catch((error: unknown) => {
        // A request that makes no sense is the client's fault (400); a broken connection or an emulator bug
        // is answered 500 once if still possible; neither crashes the server.
        const status = error instanceof BadRequestError ? 400 : 500;
        if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain; charset=UTF-8" });
        res.end(error instanceof BadRequestError ? error.message : toEmulatorError(error).message);
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
    if (persistence === undefined) return;
    persistence.changed(); // save() saves now, whatever the requests did
    await persistence.flush();
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(save));

  return { url, credentials: emulator.credentials, emulator, save, stop };
}
