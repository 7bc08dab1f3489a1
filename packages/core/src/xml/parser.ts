/**
 * XML in: parsing yields the same tree shape as JSON.parse of the JSON rendering (attributes
 * become fields, every value a string); the generated decoders then apply the spec's types, so XML and
 * JSON decode to deep-equal objects.
 *
 * Entity expansion is off (no DOCTYPE entities, so no billion-laughs); the five predefined entities and
 * numeric character references are decoded here, which is all a well-formed Wrike document uses.
 */
import { XMLParser } from "fast-xml-parser";

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

export function decodeXmlEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== "#") return PREDEFINED[name]!;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const decodeWhenNeeded = (_name: string, value: string): string | null => (value.indexOf("&") === -1 ? null : decodeXmlEntities(value));

/**
 * The fast-xml-parser options: attributes as fields, every value a string (the decoders apply the spec's
 * types), entity expansion off (bench/ measured these against the alternatives). Exported for benchmarks.
 */
export const XML_PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  tagValueProcessor: decodeWhenNeeded,
  attributeValueProcessor: decodeWhenNeeded,
} as const;

let parser: XMLParser | undefined;
const createParser = () => new XMLParser(XML_PARSER_OPTIONS);

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
}

/**
 * Parses one XML document into a plain tree. The parser itself accepts some broken documents, so a
 * truncated one (the root element never closed) and one without exactly one root are refused here.
 */
export function parseXml(text: string): Record<string, unknown> {
  let tree: Record<string, unknown>;
  try {
    parser ??= createParser();
    tree = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new XmlSyntaxError((e as Error).message, { cause: e });
  }
  const roots = Object.keys(tree);
  if (roots.length !== 1) throw new XmlSyntaxError(roots.length === 0 ? "no root element" : `several root elements: ${roots.join(", ")}`);
  const root = roots[0]!;
  const end = text.trimEnd();
  if (!end.endsWith(`</${root}>`) && !(end.endsWith("/>") && new RegExp(`<${root}(\\s[^>]*)?/>$`).test(end)))
    throw new XmlSyntaxError(`the root element <${root}> is not closed (truncated document?)`);
  return tree;
}

/** What a transport needs to speak XML: pass it as `xml` with `format: "xml"`. */
export const xmlSupport = { parse: parseXml };
