/** The strict XML parser: well-formedness, the tree shape, text exactly as the XML says, and the writer's round trip. */
import { describe, expect, it } from "vitest";
import { parseXml, XmlSyntaxError } from "../src/xml/index.js";
import { attribute, element, escapeXml, scalar, XmlWriteError } from "../src/xml/writer.js";
import { findUnwritableChar, showUnwritableChars } from "../src/xml/chars.js";
import { errorResponse, type ServerApi } from "../src/server/index.js";

describe("parseXml refuses what is not well-formed XML", () => {
  const malformed: Record<string, string> = {
    "mismatched end tag": "<task><title>x</titl></task>",
    "end tag of the parent first": "<task><title>x</task></title>",
    "root never closed": "<task><title>x</title>",
    "child never closed": "<task><title>x</task>",
    "truncated inside a tag": "<task><title",
    "truncated inside an attribute": '<contact uid="abc',
    "truncated end tag": "<task></task",
    "stray end tag": "<task></task></task>",
    "end tag with nothing open": "</task>",
    "second root element": "<task/><task/>",
    "text after the root": "<task/>junk",
    "text before the root": "junk<task/>",
    "element after the root": "<a></a><b></b>",
    "empty document": "",
    "whitespace only": "  \n ",
    "comment only": "<!-- nothing -->",
    "undeclared entity": "<t>&nbsp;</t>",
    "bare ampersand": "<t>a & b</t>",
    "ampersand without semicolon": "<t>&amp</t>",
    "empty character reference": "<t>&#;</t>",
    "hex reference without digits": "<t>&#x;</t>",
    "reference to NUL": "<t>&#0;</t>",
    "reference to a control character": "<t>&#x1;</t>",
    "reference past Unicode": "<t>&#x110000;</t>",
    "reference to a lone surrogate": "<t>&#xD800;</t>",
    "reference with junk": "<t>&#12a;</t>",
    "raw NUL": "<t>a\u0000b</t>",
    "raw control character": "<t>\u0007</t>",
    "lone surrogate": "<t>\uD800</t>",
    "lone low surrogate": "<t>a\uDC00</t>",
    "high surrogate at the very end": "<t/>\uDBFF",
    "]]> in text": "<t>a]]>b</t>",
    "< in an attribute": '<c uid="a<b"/>',
    "unquoted attribute": "<c uid=abc/>",
    "attribute without value": "<c uid/>",
    "duplicate attribute": '<c uid="a" uid="b"/>',
    "attributes without whitespace": '<c a="1"b="2"/>',
    "bad entity in an attribute": '<c uid="&foo;"/>',
    "name starting with a digit": "<1task/>",
    "name starting with a hyphen": "<-task/>",
    "space after <": "< task/>",
    "empty tag": "<>x</>",
    "slash not followed by >": "<task/ >",
    "junk in the end tag": "<task></task x>",
    "DOCTYPE (entity expansion)": '<!DOCTYPE t [<!ENTITY a "aaaa">]><t>&a;</t>',
    "XML declaration not at the start": ' <?xml version="1.0"?><t/>',
    "second XML declaration": '<?xml version="1.0"?><?xml version="1.0"?><t/>',
    "malformed XML declaration": '<?xml encoding="UTF-8"?><t/>',
    "processing instruction never closed": "<t><?pi x</t>",
    "comment never closed": "<t><!-- x</t>",
    "-- inside a comment": "<t><!-- a -- b --></t>",
    "CDATA never closed": "<t><![CDATA[x</t>",
    "CDATA outside the root": "<![CDATA[x]]><t/>",
    "unknown markup declaration": "<t><!ELEMENT t ANY></t>",
    "invalid non-ASCII name": "<a\u00d7b/>",
  };
  for (const [what, text] of Object.entries(malformed)) {
    it(what, () => {
      expect(() => parseXml(text)).toThrow(XmlSyntaxError);
    });
  }

  it("names the line and column", () => {
    expect(() => parseXml("<task>\n  <title>x</titl>\n</task>")).toThrow(/<\/titl> does not close <title> at line 2, column 11/);
    expect(() => parseXml("<t>&nbsp;</t>")).toThrow(/undeclared entity &nbsp;/);
  });
});

describe("parseXml reads well-formed XML", () => {
  it("gives the JSON shape: text elements as strings, attributes and children as fields, repeats as arrays", () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment --><?pi data?>
<contacts>
    <list>
        <contact uid="a" firstName='Ann'
                 email="a@x"/>
        <contact uid="b"/>
    </list>
    <empty/>
    <alsoEmpty></alsoEmpty>
    <one><id>7</id></one>
</contacts>
<!-- after the root -->
`;
    expect(parseXml(text)).toEqual({
      contacts: { list: { contact: [{ uid: "a", firstName: "Ann", email: "a@x" }, { uid: "b" }] }, empty: "", alsoEmpty: "", one: { id: "7" } },
    });
  });

  it("decodes the predefined entities, character references and CDATA", () => {
    expect(parseXml("<t>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600; <![CDATA[<b>&amp;</b>]]></t>")).toEqual({ t: `<>&"' AB\u{1F600} <b>&amp;</b>` });
    expect(parseXml('<c v="&lt;a&gt; &#x26; &apos;"/>')).toEqual({ c: { v: "<a> & '" } });
  });

  it("keeps text exactly: no trimming, whitespace-only text, text beside attributes", () => {
    expect(parseXml("<t>  padded  </t>")).toEqual({ t: "  padded  " });
    expect(parseXml("<t>   </t>")).toEqual({ t: "   " });
    expect(parseXml("<t>\n line one\n line two\n</t>")).toEqual({ t: "\n line one\n line two\n" });
    expect(parseXml('<c uid="u"> x </c>')).toEqual({ c: { uid: "u", "#text": " x " } });
    expect(parseXml('<c uid="  spaced  "/>')).toEqual({ c: { uid: "  spaced  " } });
  });

  it("follows XML's line-end and attribute normalisation; references keep CR, tab and LF", () => {
    expect(parseXml("<t>a\r\nb\rc</t>")).toEqual({ t: "a\nb\nc" });
    expect(parseXml("<t>a&#13;&#10;b&#13;c</t>")).toEqual({ t: "a\r\nb\rc" });
    expect(parseXml('<c v="a\r\nb\tc"/>')).toEqual({ c: { v: "a b c" } });
    expect(parseXml('<c v="a&#13;&#10;b&#9;c"/>')).toEqual({ c: { v: "a\r\nb\tc" } });
  });

  it("accepts a byte-order mark, single-quoted declaration values and end tags with whitespace", () => {
    expect(parseXml("\uFEFF<?xml version='1.0' encoding='utf-8' standalone='yes'?><t>x</t   >")).toEqual({ t: "x" });
  });

  it("makes __proto__, constructor and other Object.prototype names own fields, never the prototype", () => {
    const tree = parseXml('<t __proto__="a"><constructor>c</constructor><toString>1</toString><toString>2</toString><__proto__><polluted>yes</polluted></__proto__></t>') as {
      t: Record<string, unknown>;
    };
    expect(Object.getPrototypeOf(tree.t)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(tree.t)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(tree.t, "__proto__")!.value).toEqual(["a", { polluted: "yes" }]);
    expect(tree.t.constructor).toBe("c");
    expect(tree.t.toString).toEqual(["1", "2"]);
  });

  it("handles deep nesting without recursion", () => {
    const depth = 100_000;
    const tree = parseXml("<a>".repeat(depth) + "x" + "</a>".repeat(depth));
    let node: unknown = tree;
    for (let i = 0; i < depth; i++) node = (node as { a: unknown }).a;
    expect(node).toBe("x");
  });
});

describe("the writer writes what the parser reads back exactly", () => {
  const strings = ["plain", "  padded  ", "", " ", "a\r\nb", "\r", "line\nbreak", "tab\there", `<&>"'`, "]]>", "\u{1F600} ünïcödé"];
  for (const s of strings) {
    it(JSON.stringify(s), () => {
      const written = element("t", attribute("v", s), scalar("s", s));
      const tree = parseXml(written) as { t: { v: string; s: unknown } };
      expect(tree.t.v).toBe(s);
      expect(tree.t.s ?? "").toBe(s); // an empty scalar is written <s/>, which reads as ""
    });
  }

  it("escapes CR in text so it is not read as a line end", () => {
    expect(escapeXml("a\r\nb")).toBe("a&#13;\nb");
  });
});

describe("the writer refuses text XML 1.0 cannot carry", () => {
  const unwritable: Array<[string, string, number]> = [
    ["\u0000", "U+0000", 0],
    ["a\u0001", "U+0001", 1],
    ["ab\u0008", "U+0008", 2],
    ["\u000b", "U+000B", 0],
    ["\u000c", "U+000C", 0],
    ["\u000e", "U+000E", 0],
    ["\u001f", "U+001F", 0],
    ["\ufffe", "U+FFFE", 0],
    ["\uffff", "U+FFFF", 0],
    ["x\ud800", "U+D800", 1],
    ["x\udc00y", "U+DC00", 1],
    ["\ud83d\ude00\udbff", "U+DBFF", 2],
  ];
  it.each(unwritable)("%j: %s at %i, in an element, an attribute and escapeXml", (text, char, index) => {
    expect(findUnwritableChar(text)).toEqual({ index, char });
    const refusal = (write: () => string) => {
      try {
        write();
      } catch (error) {
        return error;
      }
      return "written";
    };
    expect(refusal(() => scalar("title", text))).toMatchObject({ name: "XmlWriteError", where: "<title>", char, index });
    expect(refusal(() => attribute("uid", text))).toMatchObject({ where: "attribute uid", char, index });
    expect(refusal(() => escapeXml(text))).toBeInstanceOf(XmlWriteError);
    expect((refusal(() => scalar("title", text)) as Error).message).toMatch(new RegExp(`^<title> holds ${char.replace("+", "\\+")} at index ${index}, a character XML 1\\.0 cannot carry`));
  });

  it("writes every character XML carries: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, pairs", () => {
    const text = "\t\n\r \ud7ff\ue000\ufffd\u{10000}\u{10FFFF}";
    expect(findUnwritableChar(text)).toBeUndefined();
    expect((parseXml(scalar("t", text)) as { t: string }).t).toBe(text);
  });

  it("the first of several is reported, whichever kind", () => {
    expect(findUnwritableChar("a\ud800\u0001")).toEqual({ index: 1, char: "U+D800" });
    expect(findUnwritableChar("a\u0001\ud800")).toEqual({ index: 1, char: "U+0001" });
  });

  it("the parser says the same of a raw character", () => {
    expect(() => parseXml("<t>ok\u0001</t>")).toThrow(/the character U\+0001 is not allowed in XML/);
  });
});

describe("the error envelope stays writable", () => {
  const api = {
    descriptor: { name: "test", errorEnvelope: { root: "error", codeField: "code", nameField: "name", messageField: "message" } },
    errorCodes: { "407": { name: "APPLICATION_ERROR", httpStatus: 500, description: "d" } },
  } as unknown as ServerApi;

  it("shows characters XML cannot carry as \\uXXXX, in XML and JSON alike", async () => {
    expect(showUnwritableChars("a\u0001b\uffff\ud800\ud83d\ude00")).toBe("a\\u0001b\\uFFFF\\uD800\ud83d\ude00");
    const message = 'Invalid argument id: expected an id, got "\uffff"';
    const xml = await errorResponse(api, "xml", 407, message).text();
    expect((parseXml(xml) as { error: { message: string } }).error.message).toBe('Invalid argument id: expected an id, got "\\uFFFF"');
    const json = (await errorResponse(api, "json", 407, message).json()) as { error: { message: string } };
    expect(json.error.message).toBe('Invalid argument id: expected an id, got "\\uFFFF"');
  });
});
