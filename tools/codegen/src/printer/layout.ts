/**
 * Lays out generated TypeScript as TypeScript's formatter does for the code the emitters write (2-space
 * indent, a space after `,` and `:` and inside `{ }`, none inside `( )` and `[ ]`, a multi-line `{ }` with
 * its contents on their own lines, `;` after object type members), from tokens instead of a syntax tree:
 * emitters hand over fragments such as JSON.stringify output or a nested writer's text, each indented from
 * its own column 0, and this pass makes one file of them. test/printer checks the result against the
 * formatter on every generated file.
 *
 * Indentation follows brackets: a line is one step in from the line that opened its innermost `{`, `(` or
 * `[`, and a closing bracket that starts a line sits on the opener's line indentation; a line that continues
 * the expression of a line ending in `=>` or `=` is one step further in. Multi-line comments move with their
 * first line. Blank lines and the text of literals and comments are kept.
 */
import { ts } from "ts-morph";
import { isComment, LayoutError, tokenize, type Token } from "./tokens.js";
import { terminateTypeMembers } from "./type-members.js";

const K = ts.SyntaxKind;
const indentUnit = "  ";

const openers = new Set([K.OpenBraceToken, K.OpenParenToken, K.OpenBracketToken]);
const closers = new Set([K.CloseBraceToken, K.CloseParenToken, K.CloseBracketToken]);
/** A line ending in one of these is continued on the next one. */
const continuesExpression = new Set([K.EqualsGreaterThanToken, K.EqualsToken]);

export function layout(text: string): string {
  const tokens = terminateTypeMembers(tokenize(text));
  const partner = matchBrackets(tokens);
  breakMultilineBraces(tokens, partner);
  spaceTokens(tokens);
  return indent(tokens) + "\n";
}

const closerOf: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = { [K.OpenBraceToken]: K.CloseBraceToken, [K.OpenParenToken]: K.CloseParenToken, [K.OpenBracketToken]: K.CloseBracketToken };

/** For each bracket, the index of the one that closes (or opens) it; an unbalanced one is an emitter's bug. */
function matchBrackets(tokens: readonly Token[]): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  tokens.forEach((t, i) => {
    if (openers.has(t.kind)) open.push(i);
    else if (closers.has(t.kind)) {
      const o = open.pop();
      if (o === undefined || closerOf[tokens[o]!.kind] !== t.kind)
        throw new LayoutError(`unmatched ${t.text} on line ${lineOf(tokens, i)}${o === undefined ? "" : ` (it would close the ${tokens[o]!.text} of line ${lineOf(tokens, o)})`}`);
      partner[o] = i;
      partner[i] = o;
    }
  });
  if (open.length > 0) throw new LayoutError(`unclosed ${tokens[open.at(-1)!]!.text} on line ${lineOf(tokens, open.at(-1)!)}`);
  return partner;
}

/** The line a token starts on (for messages): line breaks before it, and inside the tokens before it. */
function lineOf(tokens: readonly Token[], index: number): number {
  let line = 1 + tokens[index]!.newlines;
  for (let i = 0; i < index; i++) line += tokens[i]!.newlines + tokens[i]!.text.split("\n").length - 1;
  return line;
}

/** A `{ }` that spans lines gets its first and last contents on lines of their own (a comment after `{` stays). */
function breakMultilineBraces(tokens: Token[], partner: Int32Array): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== K.OpenBraceToken) continue;
    const close = partner[i]!;
    if (close === i + 1 || !spansLines(tokens, i, close)) continue;
    const first = tokens[i + 1]!;
    if (first.newlines === 0 && first.kind !== K.SingleLineCommentTrivia) first.newlines = 1;
    if (tokens[close]!.newlines === 0) tokens[close]!.newlines = 1;
  }
}

function spansLines(tokens: readonly Token[], open: number, close: number): boolean {
  for (let i = open + 1; i <= close; i++) if (tokens[i]!.newlines > 0) return true;
  return false;
}

/**
 * Spacing between tokens on one line: one space after `,` and `:` and inside a non-empty `{ }` where there
 * was none; none inside `( )`, `[ ]` and an empty `{ }`, nor before `,` and `;`.
 */
function spaceTokens(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.newlines > 0) continue;
    const prev = tokens[i - 1]!.kind;
    if (noSpaceAfter.has(prev) || noSpaceBefore.has(t.kind) || (prev === K.OpenBraceToken && t.kind === K.CloseBraceToken)) t.space = "";
    else if (t.space === "" && (prev === K.CommaToken || prev === K.ColonToken || prev === K.OpenBraceToken || t.kind === K.CloseBraceToken)) t.space = " ";
  }
}

const noSpaceAfter = new Set([K.OpenParenToken, K.OpenBracketToken]);
const noSpaceBefore = new Set([K.CloseParenToken, K.CloseBracketToken, K.CommaToken, K.SemicolonToken]);

function indent(tokens: readonly Token[]): string {
  const out: string[] = [];
  // Indentation (in steps) of the line that opened each bracket still open.
  const openedAt: number[] = [];
  let lineIndent = 0;
  let previous: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const closes = closers.has(t.kind);
    if (t.newlines > 0 || i === 0) {
      if (closes) lineIndent = openedAt[openedAt.length - 1]!;
      else lineIndent = (openedAt.length > 0 ? openedAt[openedAt.length - 1]! + 1 : 0) + (continuesLine(previous, t) ? 1 : 0);
      const lead = indentation(lineIndent);
      out.push(t.newlines === 1 ? "\n" : "\n".repeat(t.newlines), lead, t.kind === K.MultiLineCommentTrivia ? shiftComment(t.text, lead.length - t.space.length) : t.text);
    } else out.push(t.space, t.text);
    if (closes) openedAt.pop();
    else if (openers.has(t.kind)) openedAt.push(lineIndent);
    if (!isComment(t.kind)) previous = t;
  }
  return out.join("");
}

const indentations: string[] = [];
function indentation(steps: number): string {
  return (indentations[steps] ??= indentUnit.repeat(steps));
}

/** Whether a line starting with `first` continues the statement of the line that ended with `previous`. */
function continuesLine(previous: Token | undefined, first: Token): boolean {
  return first.kind === K.SemicolonToken || (previous !== undefined && continuesExpression.has(previous.kind));
}

/** A multi-line comment's later lines moved by as many columns as its first line moved. */
function shiftComment(text: string, columns: number): string {
  if (columns === 0 || !text.includes("\n")) return text;
  return text.replace(/\n([ \t]*)/g, (_, lead: string) => "\n" + " ".repeat(Math.max(0, lead.length + columns)));
}
