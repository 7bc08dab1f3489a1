/**
 * The APIs the generator runs for, listed explicitly (a spec directory is not picked up by being there):
 * each with its spec directory, the emitters that run for it and the names they give. Every emitter's
 * output lands in the API's folder of its package (packages/client/src/v2/generated/...).
 */
import type { ApiTarget } from "./emit.js";
import { emitters } from "./emitters/index.js";

export const wrikeV2: ApiTarget = {
  id: "v2",
  specDir: "spec/v2",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client/v2", server: "@wrikekit/client/server" },
  emitters,
};

export const apis: readonly ApiTarget[] = [wrikeV2];
