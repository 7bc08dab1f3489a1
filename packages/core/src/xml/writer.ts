/**
 * XML out: the writing primitives the generated writers call (servers and test doubles render with
 * them), named as generated code uses them through `@wrikekit/core/runtime`'s `xml` namespace.
 */
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const NEEDS_ESCAPE = /[&<>"']/g;

/** Escapes text for an element body or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NEEDS_ESCAPE, (c) => XML_ESCAPES[c]!);
}

/** The declaration every generated document starts with. */
export const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

export function attribute(name: string, value: unknown): string {
  return value === undefined || value === null ? "" : ` ${name}="${escapeXml(String(value))}"`;
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

