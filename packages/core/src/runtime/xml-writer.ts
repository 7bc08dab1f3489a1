/** The XML writing primitives generated writers call. */
export { escapeXml, xmlAttribute as attribute, xmlElement as element, xmlList as list, xmlScalar as scalar, XML_DECLARATION as declaration } from "../xml.js";
