/**
 * Splits TypeScript text into tokens with the whitespace before each, for the layout pass (layout.ts) and
 * the type-member pass (type-members.ts). A small scanner of its own: the passes need brackets, punctuation,
 * keywords and where literals and comments start and end, not TypeScript's full scanner, which cost more
 * than everything else in generation on a first run (its JIT warm-up). Kinds are TypeScript's SyntaxKind.
 */
import { ts } from "ts-morph";

/** Generated text the layout cannot read (an unbalanced bracket, an unterminated literal): an emitter's bug. */
export class LayoutError extends Error {
  constructor(problem: string) {
    super(`layout: ${problem} of the generated code; the emitter that wrote it produced broken TypeScript`);
    this.name = "LayoutError";
  }
}

export interface Token {
  kind: ts.SyntaxKind;
  text: string;
  /** Line breaks between the previous token and this one (0: same line). */
  newlines: number;
  /** Spaces and tabs between the previous token (or the start of the line) and this one. */
  space: string;
}

const K = ts.SyntaxKind;

export function isComment(kind: ts.SyntaxKind): boolean {
  return kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia;
}

/** Tokens after which a `/` divides; after any other it starts a regular expression. */
const endsOperand = new Set([K.Identifier, K.NumericLiteral, K.StringLiteral, K.RegularExpressionLiteral, K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken, K.PlusPlusToken, K.MinusMinusToken]);
/** Keywords an expression follows; any other keyword (this, true, a contextual keyword used as a name) ends an operand. */
const precedesExpression = new Set([K.ReturnKeyword, K.TypeOfKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword, K.InKeyword, K.InstanceOfKeyword, K.NewKeyword, K.DeleteKeyword, K.VoidKeyword, K.ThrowKeyword, K.YieldKeyword, K.AwaitKeyword]);

function slashStartsRegex(previous: ts.SyntaxKind | undefined): boolean {
  if (previous === undefined) return true;
  if (previous >= K.FirstKeyword && previous <= K.LastKeyword) return precedesExpression.has(previous);
  return !endsOperand.has(previous);
}

/** The kinds of the tokens from `first` to `last` by their text. */
function kindsByText(first: ts.SyntaxKind, last: ts.SyntaxKind): Map<string, ts.SyntaxKind> {
  const map = new Map<string, ts.SyntaxKind>();
  for (let kind = first; kind <= last; kind++) {
    const text = ts.tokenToString(kind);
    if (text !== undefined) map.set(text, kind);
  }
  return map;
}

const keywords = kindsByText(K.FirstKeyword, K.LastKeyword);
const punctuation = kindsByText(K.FirstPunctuation, K.LastPunctuation);
/** Punctuators by length, longest first. */
const punctuators: ReadonlyMap<string, ts.SyntaxKind>[] = [4, 3, 2, 1].map((length) => new Map([...punctuation].filter(([text]) => text.length === length)));
/** By character code, the kind of a one-character punctuator that starts no longer one (`{`, `,`, `;`, ...): most tokens. */
const singles: ts.SyntaxKind[] = [];
for (const [text, kind] of punctuation) if (text.length === 1 && ![...punctuation.keys()].some((t) => t.length > 1 && t.startsWith(text))) singles[text.charCodeAt(0)] = kind;

const isIdentifierStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
const isIdentifierPart = (c: number) => isIdentifierStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Whitespace within a line (a carriage return counts: generated text breaks lines with \n). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 11 || c === 12;

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // For each open `{` or template `${`: whether its `}` resumes a template literal.
  const braces: boolean[] = [];
  let newlines = 0;
  let space = "";
  let lastSignificant: ts.SyntaxKind | undefined;
  let i = 0;
  const push = (kind: ts.SyntaxKind, end: number) => {
    tokens.push({ kind, text: text.slice(i, end), newlines, space });
    if (!isComment(kind)) lastSignificant = kind;
    newlines = 0;
    space = "";
    i = end;
  };
  /** The end of template text from `from` (after a backtick or a `}`), and whether it stops at `${`. */
  const templateEnd = (from: number): { end: number; head: boolean } => {
    for (let j = from; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 96) return { end: j + 1, head: false };
      else if (c === 36 && text.charCodeAt(j + 1) === 123) return { end: j + 2, head: true };
    }
    throw new LayoutError(`unterminated template literal on line ${lineAt(text, i)}`);
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      newlines++;
      space = "";
      i++;
    } else if (isSpace(c)) {
      let end = i + 1;
      while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      space += text.slice(i, end);
      i = end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      push(K.SingleLineCommentTrivia, end === -1 ? text.length : end);
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) throw new LayoutError(`unterminated comment on line ${lineAt(text, i)}`);
      push(K.MultiLineCommentTrivia, end + 2);
    } else if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== c) j += text.charCodeAt(j) === 92 ? 2 : 1;
      push(K.StringLiteral, j + 1);
    } else if (c === 96) {
      const { end, head } = templateEnd(i + 1);
      if (head) braces.push(true);
      push(head ? K.TemplateHead : K.NoSubstitutionTemplateLiteral, end);
    } else if (c === 125 && braces.pop() === true) {
      const { end, head } = templateEnd(i + 1);
      if (head) braces.push(true);
      push(head ? K.TemplateMiddle : K.TemplateTail, end);
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      const word = text.slice(i, end);
      push(keywords.get(word) ?? K.Identifier, end);
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let end = i + 1;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        const exponentSign = (d === 43 || d === 45) && (text.charCodeAt(end - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(i, end));
        if (!(isIdentifierPart(d) || d === 46 || exponentSign)) break;
      }
      push(K.NumericLiteral, end);
    } else if (c === 47 && slashStartsRegex(lastSignificant)) {
      let j = i + 1;
      for (let inClass = false; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 92) j++;
        else if (d === 91) inClass = true;
        else if (d === 93) inClass = false;
        else if (d === 47 && !inClass) break;
        else if (d === 10) throw new LayoutError(`unterminated regular expression on line ${lineAt(text, i)}`);
      }
      j++;
      while (j < text.length && isIdentifierPart(text.charCodeAt(j))) j++;
      push(K.RegularExpressionLiteral, j);
    } else if (singles[c] !== undefined) {
      const kind = singles[c]!;
      if (kind === K.OpenBraceToken) braces.push(false);
      push(kind, i + 1);
    } else {
      const length = punctuators.findIndex((map, n) => map.has(text.slice(i, i + 4 - n)));
      if (length === -1) throw new LayoutError(`unexpected character ${JSON.stringify(text[i])} on line ${lineAt(text, i)}`);
      const symbol = text.slice(i, i + 4 - length);
      const kind = punctuators[length]!.get(symbol)!;
      if (kind === K.OpenBraceToken) braces.push(false);
      push(kind, i + symbol.length);
    }
  }
  return tokens;
}
