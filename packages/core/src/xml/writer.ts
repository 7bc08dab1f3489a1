/**
 * XML out: the writing primitives the generated writers call (servers and test doubles render with
 * them), named as generated code uses them through `@wrikekit/core/runtime`'s `xml` namespace.
 */
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;", "\t": "&#9;", "\n": "&#10;" };
// A raw CR would read back as LF (XML 1.0 §2.11), and a raw tab or LF in an attribute as a space
// (§3.3.3): references keep them, so what is written reads back exactly (core/xml/parser.ts).
const NEEDS_ESCAPE = /[&<>"'\r]/g;
const NEEDS_ESCAPE_IN_ATTRIBUTE = /[&<>"'\r\t\n]/g;
const escapeChar = (c: string) => XML_ESCAPES[c]!;

/** Escapes text for an element body. */
export function escapeXml(text: string): string {
  return text.replace(NEEDS_ESCAPE, escapeChar);
}

/** The declaration every generated document starts with. */
export const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

export function attribute(name: string, value: unknown): string {
  return value === undefined || value === null ? "" : ` ${name}="${String(value).replace(NEEDS_ESCAPE_IN_ATTRIBUTE, escapeChar)}"`;
}

export function scalar(name: string, value: unknown): string {
  return value === undefined || value === null ? "" : element(name, "", escapeXml(String(value)));
}

export function element(name: string, attributes: string, body: string): string {
  return body === "" ? `<${name}${attributes}/>` : `<${name}${attributes}>${body}</${name}>`;
}

export function list<T>(name: string, itemName: string, items: readonly T[] | undefined, writeItem: (itemName: string, item: T) => string): string {
  if (items === undefined || items === null) return "";
  let body = "";
  for (const item of items) body += writeItem(itemName, item);
  return element(name, "", body);
}

