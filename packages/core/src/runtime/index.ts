/**
 * @wrikekit/core/runtime: for generated code only (the client's, mocks' and servers' generated files).
 * Like openai-node's `internal/`, it is no part of the public API: names and shapes change with the
 * generator, without notice. Applications import from `@wrikekit/core` (or `@wrikekit/client`).
 *
 * It holds the decode and encode primitives, the wire-argument readers, the XML writer and the
 * descriptor types the generated files fill in.
 */
export * as decode from "./decode.js";
export * as encode from "./encode.js";
export type { DecodeContext, Decoder } from "./decode.js";
export type { EncodeContext, ItemEncoder, WirePairs } from "./encode.js";
export * as xml from "../xml/writer.js";
export * as wire from "./wire.js";
export type { WireContext, WireParser } from "./wire.js";
export type { ApiDescriptor, ErrorReader, MethodDescriptor, OutgoingRequest, Protocol } from "../descriptors.js";
export { restProtocol, rpcProtocol } from "../transport/protocols.js";
export { readCodedError, readStatusError } from "../transport/api-errors.js";
