/**
 * The APIs the generator runs for, listed explicitly (a spec directory is not picked up by being there):
 * each with its spec directory, the emitters that run for it and the names they give. Every emitter's
 * output lands in the API's folder of its package (packages/client/src/v2/generated/...).
 */
import type { ApiTarget } from "./emit.js";
import { apiEmitter } from "./emitters/api.js";
import { clientEmitter } from "./emitters/client.js";
import { decodersEmitter } from "./emitters/decoders.js";
import { encodersEmitter } from "./emitters/encoders.js";
import { methodsEmitter } from "./emitters/methods.js";
import { emitters } from "./emitters/index.js";
import { restServerEmitter } from "./emitters/rest-server.js";
import { typesEmitter } from "./emitters/types.js";

export const wrikeV2: ApiTarget = {
  id: "v2",
  specDir: "spec/v2",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client/v2", server: "@wrikekit/client/server" },
  emitters,
};

/**
 * Wrike API v4, the API real accounts answer (the client package's main entry). The server-side and mock
 * targets (method-index, msw-handlers, react-hooks) join as their v4 support lands; rest-server writes the
 * emulator's tables (operations, models, enums) that @wrikekit/core/server reads requests and routes from.
 */
export const wrikeV4: ApiTarget = {
  id: "v4",
  specDir: "spec/v4",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client", server: "@wrikekit/client/server/v4" },
  emitters: [apiEmitter, typesEmitter, decodersEmitter, encodersEmitter, methodsEmitter, clientEmitter, restServerEmitter],
};

export const apis: readonly ApiTarget[] = [wrikeV2, wrikeV4];
