/**
 * @wrikekit/client/server: what servers and test doubles of the Wrike API need: the XML renderers,
 * every method descriptor by id, and the decoders and encoders.
 */
export * from "./v2/generated/xml-writers.js";
export * from "./v2/generated/method-index.js";
export * from "./v2/generated/decoders.js";
export * from "./v2/generated/encoders.js";
export * from "./v2/generated/wire-args.js";
