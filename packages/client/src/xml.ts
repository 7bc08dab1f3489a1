/** @wrikekit/client/xml: pass `xml: xmlSupport` with `format: "xml"`; JSON-only bundles leave the XML parser out. */
export { xmlSupport, parseXml, XmlSyntaxError } from "@wrikekit/core/xml";
