/**
 * @wrikekit/client/server: what servers and test doubles of the Wrike API need: the XML renderers,
 * every method descriptor by id, and the decoders and encoders.
 */
export * from "./generated/xml-writers.js";
export * from "./generated/method-index.js";
export * from "./generated/decoders.js";
export * from "./generated/encoders.js";
export * from "./generated/wire-args.js";
