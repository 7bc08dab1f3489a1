/**
 * XML out: the writing primitives the generated writers call (servers and test doubles render with
 * them), named as generated code uses them through `@wrikekit/core/runtime`'s `xml` namespace.
 * Text with a character XML 1.0 cannot carry (xml/chars.ts) is refused with an XmlWriteError: no
 * escape can write it, and a document with it is malformed, so a parser (ours included) would refuse
 * the whole answer.
 */
import { findUnwritableChar, UNWRITABLE_CHARS } from "./chars.js";

export class XmlWriteError extends TypeError {
  override name = "XmlWriteError";
  /** What held the character: an element (`<title>`), an attribute (`attribute uid`) or `text`. */
  readonly where: string;
  /** The character, as "U+0001". */
  readonly char: string;
  /** Its index in the text. */
  readonly index: number;

  constructor(where: string, char: string, index: number) {
    super(`${where} holds ${char} at index ${index}, a character XML 1.0 cannot carry (${UNWRITABLE_CHARS}): remove it from the text, or answer in JSON`);
    this.where = where;
    this.char = char;
    this.index = index;
  }
}

/** `text`, or an XmlWriteError naming where it was going; the name is only put together on failure. */
function writable(text: string, kind: "element" | "attribute" | "text", name: string): string {
  const found = findUnwritableChar(text);
  if (found !== undefined) throw new XmlWriteError(kind === "element" ? `<${name}>` : kind === "attribute" ? `attribute ${name}` : name, found.char, found.index);
  return text;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;", "\t": "&#9;", "\n": "&#10;" };
// A raw CR would read back as LF (XML 1.0 §2.11), and a raw tab or LF in an attribute as a space
// (§3.3.3): references keep them, so what is written reads back exactly (core/xml/parser.ts).
const NEEDS_ESCAPE = /[&<>"'\r]/g;
const NEEDS_ESCAPE_IN_ATTRIBUTE = /[&<>"'\r\t\n]/g;
const escapeChar = (c: string) => XML_ESCAPES[c]!;

/** Escapes text for an element body; XmlWriteError when XML cannot carry it (`where` names it in the message). */
export function escapeXml(text: string, where = "text"): string {
  return writable(text, "text", where).replace(NEEDS_ESCAPE, escapeChar);
}

/** The declaration every generated document starts with. */
export const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

export function attribute(name: string, value: unknown): string {
  return value === undefined || value === null ? "" : ` ${name}="${writable(String(value), "attribute", name).replace(NEEDS_ESCAPE_IN_ATTRIBUTE, escapeChar)}"`;
}

export function scalar(name: string, value: unknown): string {
  return value === undefined || value === null ? "" : element(name, "", writable(String(value), "element", name).replace(NEEDS_ESCAPE, escapeChar));
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

