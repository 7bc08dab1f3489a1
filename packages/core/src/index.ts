export * from "./errors.js";
export type { ApiDescriptor, MethodDescriptor, ResponseFormat, ErrorEnvelope } from "./descriptors.js";
export { createTransport, checkBaseUrl } from "./transport.js";
export type { BearerAuth, CallOptions, Download, OAuth1Auth, TransportOptions, WrikeTransport } from "./transport.js";
export { parseXml, XmlSyntaxError, escapeXml, decodeXmlEntities } from "./xml.js";
export * from "./oauth1/index.js";
