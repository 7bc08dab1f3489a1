/** @wrikekit/core/xml: XML support, kept out of JSON-only bundles. */
export { xmlSupport, parseXml, XmlSyntaxError } from "./parser.js";
