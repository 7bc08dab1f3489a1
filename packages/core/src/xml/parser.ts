/**
 * XML in: a strict, hand-written parser for the XML a Wrike server sends (elements, attributes, character
 * data, CDATA, comments, processing instructions, the five predefined entities and character references).
 * Anything that is not well-formed XML 1.0 is an XmlSyntaxError naming the line and column: mismatched,
 * unclosed or stray tags, junk after the root, a bad or undeclared entity, `<` in an attribute, a
 * duplicate attribute, characters XML forbids. A DOCTYPE is refused, so there is no entity expansion
 * (no billion laughs). bench/ figure 3 measured it against fast-xml-parser, txml, saxes and parse-xml.
 *
 * The tree has the shape JSON.parse gives the JSON rendering: an element is a string when it has only text
 * ("" when empty), an object when it has attributes or child elements (attributes become fields, text
 * beside them `#text`), and repeated children become an array. Every value is a string; the generated
 * decoders apply the spec's types, so XML and JSON decode to deep-equal objects.
 *
 * Text arrives exactly as the XML says: nothing is trimmed. "Exactly" is the XML value, which XML 1.0
 * itself defines: a raw CR LF or CR in the document is a line end and reads as LF (§2.11), and a raw tab,
 * LF or CR inside an attribute value reads as a space (§3.3.3); a CR sent as `&#13;` is a CR. A server
 * that means a CR writes `&#13;`, as our writer does, and then XML and JSON decode identically.
 * Whitespace-only text between child elements is indentation and is dropped.
 */
import { findUnwritableChar } from "./chars.js";
import { xmlText } from "./text.js";
import { fromXml } from "../runtime/decode.js";

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const WHITESPACE_ONLY = /^[ \t\n]*$/;
const ATTRIBUTE_WHITESPACE = /[\t\n]/g;
const XML_DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1([ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>/;
/** XML 1.0 fifth edition NameStartChar / NameChar, for names that are not plain ASCII. */
const NAME = /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}.0-9\u00B7\u0300-\u036F\u203F-\u2040-]*$/u;

const GT = 62, SLASH = 47, BANG = 33, QUESTION = 63, EQUALS = 61;

/** An element being read: its attributes and children collect in `fields`, its text in `text`. */
interface Open {
  readonly name: string;
  readonly at: number;
  fields: Record<string, unknown> | undefined;
  text: string;
  hasChildren: boolean;
}

/** Sets an own field, also for `__proto__` (an own property, as JSON.parse makes it, never the prototype). */
function setField(fields: Record<string, unknown>, name: string, value: unknown): void {
  if (name === "__proto__") Object.defineProperty(fields, name, { value, writable: true, enumerable: true, configurable: true });
  else fields[name] = value;
}

function hasField(fields: Record<string, unknown>, name: string): boolean {
  return fields[name] !== undefined && Object.hasOwn(fields, name);
}

/** ASCII name characters: letters, digits, `_ : . -` (the rest of NameChar is checked by NAME). */
function isAsciiNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

/**
 * Names seen before, by length and first and last character: reusing the same string for every `<task>`
 * saves a slice and makes it a fast property key. Bounded, so odd documents cannot grow it.
 */
const knownNames = new Map<number, string[]>();
const MAX_KNOWN_NAMES = 1024;
let knownNameCount = 0;

function nameAt(text: string, start: number, end: number): string {
  const key = ((end - start) << 16) ^ (text.charCodeAt(start) << 8) ^ text.charCodeAt(end - 1);
  const candidates = knownNames.get(key);
  if (candidates !== undefined) for (const name of candidates) if (text.startsWith(name, start)) return name;
  const name = text.slice(start, end);
  if (knownNameCount < MAX_KNOWN_NAMES) {
    knownNameCount++;
    if (candidates === undefined) knownNames.set(key, [name]);
    else candidates.push(name);
  }
  return name;
}

class Reader {
  private readonly stack: Open[] = [];
  private root: Record<string, unknown> | undefined;

  constructor(private readonly text: string) {}

  fail(message: string, at: number): never {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < at; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new XmlSyntaxError(`${message} at line ${line}, column ${at - lineStart + 1}`);
  }

  parse(): Record<string, unknown> {
    const text = this.text;
    let pos = text.startsWith("<?xml") && isWhitespace(text.charCodeAt(5)) ? this.declaration() : 0;
    for (;;) {
      const lt = text.indexOf("<", pos);
      const end = lt === -1 ? text.length : lt;
      if (end > pos) this.characters(pos, end);
      if (lt === -1) break;
      const next = text.charCodeAt(lt + 1);
      if (next === SLASH) pos = this.closeTag(lt);
      else if (next === BANG) pos = this.markup(lt);
      else if (next === QUESTION) pos = this.processingInstruction(lt);
      else pos = this.openTag(lt);
    }
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) this.fail(`<${open.name}> is not closed (truncated document?)`, text.length);
    if (this.root === undefined) this.fail("no root element", text.length);
    return this.root;
  }

  private declaration(): number {
    const match = XML_DECLARATION.exec(this.text);
    if (match === null) this.fail("malformed XML declaration", 0);
    return match[0].length;
  }

  /** Text from `start` to `end`: inside an element it is content; outside, only whitespace may appear. */
  private characters(start: number, end: number): void {
    const raw = this.text.slice(start, end);
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) {
      if (!WHITESPACE_ONLY.test(raw)) this.fail(this.root === undefined ? "text before the root element" : "text after the root element", start);
      return;
    }
    const gt = raw.indexOf("]]>");
    if (gt !== -1) this.fail("']]>' in text (write it as ']]&gt;')", start + gt);
    open.text += raw.indexOf("&") === -1 ? raw : this.references(raw, start);
  }

  /** Decodes the references in `raw` (which starts at `at`); any other `&` is an error. */
  private references(raw: string, at: number): string {
    let out = "";
    let from = 0;
    for (let amp = raw.indexOf("&"); amp !== -1; amp = raw.indexOf("&", from)) {
      const semi = raw.indexOf(";", amp);
      const name = semi === -1 ? "" : raw.slice(amp + 1, semi);
      out += raw.slice(from, amp) + this.reference(name, at + amp);
      from = semi + 1;
    }
    return out + raw.slice(from);
  }

  private reference(name: string, at: number): string {
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 /* x */;
      const digits = name.slice(hex ? 2 : 1);
      const valid = digits.length > 0 && digits.length <= 8 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
      const code = valid ? parseInt(digits, hex ? 16 : 10) : -1;
      const isChar = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!isChar) this.fail(`&${name}; is not a character XML allows`, at);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value !== undefined && Object.hasOwn(PREDEFINED, name)) return value;
    if (name === "" || !NAME.test(name)) this.fail("'&' that starts no entity reference (write it as &amp;)", at);
    return this.fail(`undeclared entity &${name}; (only &amp; &lt; &gt; &quot; &apos; and character references are defined)`, at);
  }

  /** Reads a name from `start`; returns where it ends. */
  private name(start: number): number {
    const text = this.text;
    let i = start;
    let ascii = true;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xb7) ascii = false;
      else if (!isAsciiNameChar(c)) break;
    }
    const first = text.charCodeAt(start);
    const valid = ascii ? i > start && !(first >= 48 && first <= 57) && first !== 45 && first !== 46 : NAME.test(text.slice(start, i));
    if (!valid) this.fail(i === start ? "expected a name" : `invalid name ${JSON.stringify(text.slice(start, i))}`, start);
    return i;
  }

  private skipWhitespace(i: number): number {
    while (isWhitespace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private openTag(lt: number): number {
    const text = this.text;
    if (this.root !== undefined && this.stack.length === 0) this.fail("a second root element (junk after the document)", lt);
    const nameEnd = this.name(lt + 1);
    const name = nameAt(text, lt + 1, nameEnd);
    const open: Open = { name, at: lt, fields: undefined, text: "", hasChildren: false };
    let i = nameEnd;
    for (;;) {
      const afterSpace = this.skipWhitespace(i);
      const c = text.charCodeAt(afterSpace);
      if (c === GT) {
        this.stack.push(open);
        return afterSpace + 1;
      }
      if (c === SLASH) {
        if (text.charCodeAt(afterSpace + 1) !== GT) this.fail("expected '>' after '/'", afterSpace + 1);
        this.stack.push(open);
        this.close(open);
        return afterSpace + 2;
      }
      if (afterSpace === text.length) this.fail(`<${name}> is not closed (truncated document?)`, afterSpace);
      if (afterSpace === i) this.fail(`expected whitespace, '>' or '/>' in <${name}>`, i);
      i = this.attribute(open, afterSpace);
    }
  }

  /** Reads `name = "value"` at `start` into the element's fields; returns where it ends. */
  private attribute(open: Open, start: number): number {
    const text = this.text;
    const nameEnd = this.name(start);
    const name = nameAt(text, start, nameEnd);
    let i = this.skipWhitespace(nameEnd);
    if (text.charCodeAt(i) !== EQUALS) this.fail(`expected '=' after the attribute ${name}`, i);
    i = this.skipWhitespace(i + 1);
    const quote = text[i];
    if (quote !== '"' && quote !== "'") this.fail(`the value of the attribute ${name} is not quoted`, i);
    const close = text.indexOf(quote, i + 1);
    if (close === -1) this.fail(`the value of the attribute ${name} is never closed`, i);
    let value = text.slice(i + 1, close);
    const lt = value.indexOf("<");
    if (lt !== -1) this.fail(`'<' in the value of the attribute ${name} (write it as &lt;)`, i + 1 + lt);
    // Attribute-value normalisation (§3.3.3): literal whitespace reads as a space, references keep theirs.
    if (value.indexOf("\t") !== -1 || value.indexOf("\n") !== -1) value = value.replace(ATTRIBUTE_WHITESPACE, " ");
    if (value.indexOf("&") !== -1) value = this.references(value, i + 1);
    open.fields ??= {};
    if (hasField(open.fields, name)) this.fail(`the attribute ${name} appears twice`, start);
    setField(open.fields, name, value);
    return close + 1;
  }

  private closeTag(lt: number): number {
    const text = this.text;
    const open = this.stack[this.stack.length - 1];
    // The usual case, `</name>` of the open element, is checked without reading the name.
    let nameEnd = lt + 2 + (open?.name.length ?? 0);
    if (open === undefined || !text.startsWith(open.name, lt + 2) || isAsciiNameChar(text.charCodeAt(nameEnd)) || text.charCodeAt(nameEnd) >= 0xb7) {
      nameEnd = this.name(lt + 2);
      const name = text.slice(lt + 2, nameEnd);
      this.fail(open === undefined ? `</${name}> closes nothing` : `</${name}> does not close <${open.name}>`, lt);
    }
    const name = open.name;
    const gt = this.skipWhitespace(nameEnd);
    if (text.charCodeAt(gt) !== GT) this.fail(`expected '>' to end </${name}>`, gt);
    this.close(open);
    return gt + 1;
  }

  /** The element ends: its value joins its parent, or becomes the document. */
  private close(open: Open): void {
    this.stack.pop();
    const value = this.valueOf(open);
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      const root: Record<string, unknown> = {};
      setField(root, open.name, value);
      this.root = root;
      return;
    }
    parent.hasChildren = true;
    const fields = (parent.fields ??= {});
    if (!hasField(fields, open.name)) setField(fields, open.name, value);
    else {
      const existing = fields[open.name];
      if (Array.isArray(existing)) existing.push(value);
      else setField(fields, open.name, [existing, value]);
    }
  }

  private valueOf(open: Open): unknown {
    const { fields, text } = open;
    if (fields === undefined) return text;
    // Between child elements, whitespace-only text is indentation; text beside attributes is content.
    if (text !== "" && !(open.hasChildren && WHITESPACE_ONLY.test(text))) setField(fields, "#text", text);
    return fields;
  }

  /** `<!--`, `<![CDATA[` (inside an element) or `<!DOCTYPE` (refused). */
  private markup(lt: number): number {
    const text = this.text;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("--", lt + 4);
      if (end === -1) this.fail("the comment is never closed", lt);
      if (text.charCodeAt(end + 2) !== GT) this.fail("'--' inside a comment", end);
      return end + 3;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const open = this.stack[this.stack.length - 1];
      if (open === undefined) this.fail("CDATA outside the root element", lt);
      const end = text.indexOf("]]>", lt + 9);
      if (end === -1) this.fail("the CDATA section is never closed", lt);
      open.text += text.slice(lt + 9, end);
      return end + 3;
    }
    if (text.startsWith("<!DOCTYPE", lt)) this.fail("DOCTYPE declarations are refused (Wrike sends none; no entity expansion)", lt);
    return this.fail("expected a comment, CDATA or an element after '<!'", lt);
  }

  private processingInstruction(lt: number): number {
    const text = this.text;
    const nameEnd = this.name(lt + 2);
    const target = text.slice(lt + 2, nameEnd);
    if (target.toLowerCase() === "xml") this.fail("an XML declaration is only allowed at the very start", lt);
    const end = text.indexOf("?>", nameEnd);
    if (end === -1) this.fail(`the processing instruction <?${target} is never closed`, lt);
    if (end !== nameEnd && !isWhitespace(text.charCodeAt(nameEnd))) this.fail(`expected whitespace after <?${target}`, nameEnd);
    return end + 2;
  }
}

/** Parses one XML document into a plain tree (see the top of this file); not well-formed is an XmlSyntaxError. */
export function parseXml(text: string): Record<string, unknown> {
  // A byte-order mark may precede the document; line ends read as LF (§2.11).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
  // Characters XML 1.0 forbids anywhere, even as a reference (§2.2), and lone surrogates.
  const forbidden = findUnwritableChar(text);
  if (forbidden !== undefined) new Reader(text).fail(`the character ${forbidden.char} is not allowed in XML`, forbidden.index);
  return new Reader(text).parse();
}

/** What a transport needs to speak XML: pass it as `xml` with `format: "xml"`. */
export const xmlSupport = { parse: parseXml, text: xmlText, fromXml };
