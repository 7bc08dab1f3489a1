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
import { mcpToolsEmitter } from "./emitters/mcp-tools.js";
import { methodsEmitter } from "./emitters/methods.js";
import { mswRestHandlersEmitter } from "./emitters/msw-rest-handlers.js";
import { reactHooksEmitter } from "./emitters/react-hooks.js";
import { emitters } from "./emitters/index.js";
import { restServerEmitter } from "./emitters/rest-server.js";
import { typesEmitter } from "./emitters/types.js";
import { webhookEventsEmitter } from "./emitters/webhook-events.js";

export const wrikeV2: ApiTarget = {
  id: "v2",
  specDir: "spec/v2",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client/v2", server: "@wrikekit/client/server" },
  emitters,
};

/**
 * Wrike API v4, the API real accounts answer (the main entry of client, msw and react). rest-server writes the
 * server table (operations, models, enums; `@wrikekit/client/server/v4`) that @wrikekit/core/server reads
 * requests and routes from, for the emulator and the MSW handlers alike; msw-rest-handlers the MSW handlers;
 * react-hooks runs for both styles; mcp-tools writes the MCP server's tool table; webhook-events
 * @wrikekit/webhooks' typed events and signing scheme (events.yaml, api.yaml).
 */
export const wrikeV4: ApiTarget = {
  id: "v4",
  specDir: "spec/v4",
  names: { client: "createWrikeClient", clientType: "WrikeClient", handlers: "createWrikeHandlers" },
  entries: { client: "@wrikekit/client", server: "@wrikekit/client/server/v4" },
  emitters: [apiEmitter, typesEmitter, decodersEmitter, encodersEmitter, methodsEmitter, clientEmitter, restServerEmitter, mswRestHandlersEmitter, reactHooksEmitter, mcpToolsEmitter, webhookEventsEmitter],
};

export const apis: readonly ApiTarget[] = [wrikeV2, wrikeV4];
