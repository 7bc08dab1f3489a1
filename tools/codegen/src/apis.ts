/**
 * The APIs the generator runs for, listed explicitly (a spec directory is not picked up by being there):
 * each with its spec directory, the emitters that run for it and the names they give. Every emitter's
 * output lands in the API's folder of its package (packages/client/src/v2/generated/...).
 */
import type { ApiTarget } from "./emit.js";
import { emitters } from "./emitters/index.js";
import { restServerEmitter } from "./emitters/rest-server.js";

export const wrikeV2: ApiTarget = {
  id: "v2",
  specDir: "spec/v2",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client/v2", server: "@wrikekit/client/server" },
  emitters,
};

export const wrikeV4: ApiTarget = {
  id: "v4",
  specDir: "spec/v4",
  names: { client: "createWrikeV4Client", clientType: "WrikeV4Client", handlers: "createWrikeV4Handlers" },
  entries: { client: "@wrikekit/client/v4", server: "@wrikekit/client/v4/server" },
  // The emulator's server tables; the client's v4 emitters join them here.
  emitters: [restServerEmitter],
};

export const apis: readonly ApiTarget[] = [wrikeV2, wrikeV4];
