/** @wrikekit/core/xml: XML support, kept out of JSON-only bundles. */
export { xmlSupport, parseXml, XmlSyntaxError, XML_PARSER_OPTIONS } from "./parser.js";
