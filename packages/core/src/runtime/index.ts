/**
 * What generated code imports: decode and encode primitives, the XML writer's escaping, and the
 * descriptor types. Not meant for hand-written application code.
 */
export * as decode from "./decode.js";
export * as encode from "./encode.js";
export type { DecodeContext, Decoder } from "./decode.js";
export type { EncodeContext, ItemEncoder, WirePairs } from "./encode.js";
export * as xml from "./xml-writer.js";
export * as wire from "./wire.js";
export type { WireContext, WireParser } from "./wire.js";
export type { ApiDescriptor, MethodDescriptor } from "../descriptors.js";
