import type { Emitter } from "../emit.js";
import { apiEmitter } from "./api.js";
import { clientEmitter } from "./client.js";
import { decodersEmitter } from "./decoders.js";
import { encodersEmitter } from "./encoders.js";
import { methodIndexEmitter } from "./method-index.js";
import { methodsEmitter } from "./methods.js";
import { mswHandlersEmitter } from "./msw-handlers.js";
import { reactHooksEmitter } from "./react-hooks.js";
import { typesEmitter } from "./types.js";
import { wireArgsEmitter } from "./wire-args.js";
import { xmlWritersEmitter } from "./xml-writers.js";

/** Every target, one emitter each. */
export const emitters: readonly Emitter[] = [
  apiEmitter,
  typesEmitter,
  decodersEmitter,
  encodersEmitter,
  methodsEmitter,
  clientEmitter,
  xmlWritersEmitter,
  methodIndexEmitter,
  wireArgsEmitter,
  mswHandlersEmitter,
  reactHooksEmitter,
];
