import { describe, expect, it } from "vitest";
import { layout } from "../../src/printer/layout.js";
import { LayoutError } from "../../src/printer/tokens.js";

describe("layout: generated text laid out as TypeScript's formatter would", () => {
  it("spaces JSON.stringify output: after , and :, inside { }, not inside [ ] or an empty {}", () => {
    expect(layout(`const a = {"x":[1,2],"y":{},"z":{"k":null}};`)).toBe(`const a = { "x": [1, 2], "y": {}, "z": { "k": null } };\n`);
  });

  it("removes spaces inside ( ) and [ ] and before , and ;", () => {
    expect(layout(`return ( { a: f( 1 , 2 ) } ) ;`)).toBe(`return ({ a: f(1, 2) });\n`);
  });

  it("indents by brackets, whatever the fragment's own indentation", () => {
    expect(layout(`export function f() {\nconst x = {\n        a: [\n1,\n      2\n],\n};\n    return x;\n}`)).toBe(
      `export function f() {\n  const x = {\n    a: [\n      1,\n      2\n    ],\n  };\n  return x;\n}\n`,
    );
  });

  it("brackets opened on one line indent their contents one step", () => {
    expect(layout(`f(a, {\nb: 1\n});`)).toBe(`f(a, {\n  b: 1\n});\n`);
  });

  it("puts the contents of a multi-line { } on lines of their own", () => {
    expect(layout(`const a = { "k": 1, "l": {\n"m": 2\n}};`)).toBe(`const a = {\n  "k": 1, "l": {\n    "m": 2\n  }\n};\n`);
  });

  it("indents a line that continues after => or =, and a lone ; after the statement it ends", () => {
    expect(layout(`const f = (x: number) =>\nx + 1;\nfunction g() {\nreturn {\n}\n;\n}`)).toBe(`const f = (x: number) =>\n  x + 1;\nfunction g() {\n  return {\n  }\n    ;\n}\n`);
  });

  it("moves a multi-line comment with its first line", () => {
    expect(layout(`interface A {\n/**\n * One.\n *\n * Two.\n */\na: string;\n}`)).toBe(`interface A {\n  /**\n   * One.\n   *\n   * Two.\n   */\n  a: string;\n}\n`);
  });

  it("keeps literals and template text as they are", () => {
    const text = "const s = `a,b:{c}\n    ${ x }\n  end`;\nconst r = /[,:{]/g;\nconst q = \"{a:1,b}\";";
    expect(layout(text)).toBe(text + "\n");
  });

  it("ends every member of an object type with ;", () => {
    expect(layout(`type A = B & ({ x: number } | { y: readonly string[] });`)).toBe(`type A = B & ({ x: number; } | { y: readonly string[]; });\n`);
    expect(layout(`function f(args: T & { count?: false }, o: { a: { b: 1 } }): void {\n}`)).toBe(`function f(args: T & { count?: false; }, o: { a: { b: 1; }; }): void {\n}\n`);
    expect(layout(`const h = c ? undefined : ({ request }: { request: Request }) => go(request);`)).toBe(`const h = c ? undefined : ({ request }: { request: Request; }) => go(request);\n`);
  });

  it("leaves object literals, blocks, case labels and mapped types without added ;", () => {
    expect(layout(`const o = { a: { b: 1 } }; if (x) { go() }`)).toBe(`const o = { a: { b: 1 } }; if (x) { go() }\n`);
    expect(layout(`type M = { readonly [K in keyof T]: T[K] };`)).toBe(`type M = { readonly [K in keyof T]: T[K] };\n`);
    expect(layout(`switch (x) {\ncase 1: { go() }\n}`)).toBe(`switch (x) {\n  case 1: { go() }\n}\n`);
  });

  it("fails on broken generated code (unbalanced brackets, unterminated literals) instead of laying it out", () => {
    expect(() => layout(`const a = { b: [1, 2 };`)).toThrow(LayoutError);
    expect(() => layout(`const a = {\n  b: [1, 2\n};`)).toThrow("layout: unmatched } on line 3 (it would close the [ of line 2) of the generated code");
    expect(() => layout(`const s = \`a\nb;\nconst b = (1;`)).toThrow("layout: unterminated template literal on line 1");
    expect(() => layout(`/** doc\nconst a = (1;`)).toThrow("layout: unterminated comment on line 1");
    expect(() => layout(`const a = (1;`)).toThrow("layout: unclosed ( on line 1");
  });
});
