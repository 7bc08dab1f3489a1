/**
 * Splits TypeScript text into tokens with the whitespace before each, for the layout pass (layout.ts) and
 * the type-literal pass (type-literals.ts). Scanning only, no parse: TypeScript's scanner, with the two
 * places where a token depends on what came before it handled here (a `}` that resumes a template literal,
 * a `/` that starts a regular expression).
 */
import { ts } from "ts-morph";

export interface Token {
  kind: ts.SyntaxKind;
  text: string;
  /** Line breaks between the previous token and this one (0: same line). */
  newlines: number;
  /** Spaces and tabs between the previous token (or the start of the line) and this one. */
  space: string;
}

const K = ts.SyntaxKind;

/** Tokens after which a `/` divides; after any other it starts a regular expression. */
const endsOperand = new Set([K.Identifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.RegularExpressionLiteral, K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken, K.PlusPlusToken, K.MinusMinusToken]);
/** Keywords an expression follows; any other keyword (this, true, a contextual keyword used as a name) ends an operand. */
const precedesExpression = new Set([K.ReturnKeyword, K.TypeOfKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword, K.InKeyword, K.InstanceOfKeyword, K.NewKeyword, K.DeleteKeyword, K.VoidKeyword, K.ThrowKeyword, K.YieldKeyword, K.AwaitKeyword]);

function slashStartsRegex(previous: ts.SyntaxKind | undefined): boolean {
  if (previous === undefined) return true;
  if (previous >= K.FirstKeyword && previous <= K.LastKeyword) return precedesExpression.has(previous);
  return !endsOperand.has(previous);
}

export function isComment(kind: ts.SyntaxKind): boolean {
  return kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia;
}

export function tokenize(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  // For each open `{` or template `${`: whether its `}` resumes a template literal.
  const braces: boolean[] = [];
  let newlines = 0;
  let space = "";
  let lastSignificant: ts.SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.NewLineTrivia) {
      newlines++;
      space = "";
      continue;
    }
    if (kind === K.WhitespaceTrivia) {
      space += scanner.getTokenText();
      continue;
    }
    if (kind === K.CloseBraceToken && braces.pop() === true) kind = scanner.reScanTemplateToken(false);
    else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && slashStartsRegex(lastSignificant)) kind = scanner.reScanSlashToken();
    if (kind === K.OpenBraceToken) braces.push(false);
    else if (kind === K.TemplateHead || kind === K.TemplateMiddle) braces.push(true);
    tokens.push({ kind, text: scanner.getTokenText(), newlines, space });
    if (!isComment(kind)) lastSignificant = kind;
    newlines = 0;
    space = "";
  }
  return tokens;
}

/** The text of tokens as they stand: each token's line breaks and spaces, then the token. */
export function joinTokens(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) out += (t.newlines > 0 ? "\n".repeat(t.newlines) : "") + t.space + t.text;
  return out;
}
