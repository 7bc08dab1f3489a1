/**
 * Ends every member of an object type with `;`, as TypeScript's formatter does with semicolons "insert":
 * `{ taskId: number }` becomes `{ taskId: number; }`. Emitters write such types inline (`Args & { count: true }`,
 * a parameter `({ request }: { request: Request })`), so which `{` opens a type and which an object or a block
 * is read from the tokens before it: what follows `&`, `|`, `as`, `satisfies`, `<`, a type annotation's `:` or
 * a type alias's `=` is a type, and everything inside a type is one.
 */
import { ts } from "ts-morph";
import { isComment, type Token } from "./tokens.js";

const K = ts.SyntaxKind;

interface Frame {
  /** Its contents are a type (an object type, an interface body, a parenthesised or tuple type). */
  type: boolean;
  /** An object literal, whose `:` separates a property from its value. */
  object: boolean;
  /** `?` of conditional expressions whose `:` has not come yet. */
  pendingTernaries: number;
  /** Inside `type X ... =` or `interface X ...` before its `{`: what comes next is a type. */
  declaringType: boolean;
  /** After `case`/`default`: the next `:` ends the label. */
  caseLabel: boolean;
}

const typeOperators = new Set([K.AmpersandToken, K.BarToken, K.AsKeyword, K.SatisfiesKeyword, K.LessThanToken]);
/** After these a `{` in an expression is an object literal, not a block. */
const beforeObjectLiteral = new Set([K.EqualsToken, K.OpenParenToken, K.OpenBracketToken, K.CommaToken, K.QuestionToken, K.ReturnKeyword, K.BarBarToken, K.QuestionQuestionToken, K.AmpersandAmpersandToken, K.DotDotDotToken, K.YieldKeyword, K.AwaitKeyword, K.ColonToken]);
/** A member does not end at a line break after these (its type goes on). */
const continuesMember = new Set([K.SemicolonToken, K.CommaToken, K.OpenBraceToken, K.OpenParenToken, K.OpenBracketToken, K.LessThanToken, K.BarToken, K.AmpersandToken, K.EqualsGreaterThanToken, K.ColonToken, K.QuestionToken, K.EqualsToken]);

function frame(type: boolean, object = false): Frame {
  return { type, object, pendingTernaries: 0, declaringType: false, caseLabel: false };
}

/** The tokens with a `;` after each object type member that lacks one. */
export function terminateTypeMembers(tokens: readonly Token[]): Token[] {
  const frames: Frame[] = [frame(false)];
  // For each open bracket: whether it is an object type's `{` (members directly inside end with `;`).
  const typeLiterals: boolean[] = [];
  // Indexes of the tokens a `;` goes after.
  const after = new Set<number>();
  let last = -1; // the last token that is not a comment
  let annotation = false; // the last token is a `:` that starts a type annotation
  const endMember = () => {
    const k = tokens[last]?.kind;
    if (k !== undefined && !continuesMember.has(k)) after.add(last);
  };
  tokens.forEach((t, i) => {
    if (isComment(t.kind)) return;
    const top = frames[frames.length - 1]!;
    const prev = tokens[last]?.kind;
    const inTypePosition = () => top.type || annotation || (prev !== undefined && typeOperators.has(prev)) || (prev === K.EqualsToken && top.declaringType);
    const inObjectType = typeLiterals[typeLiterals.length - 1] === true;
    if (inObjectType && t.newlines > 0 && t.kind !== K.CloseBraceToken && t.kind !== K.BarToken && t.kind !== K.AmpersandToken) endMember();
    switch (t.kind) {
      case K.OpenBraceToken: {
        const isType = inTypePosition() || top.declaringType;
        if (top.declaringType) top.declaringType = false;
        frames.push(frame(isType, !isType && prev !== undefined && beforeObjectLiteral.has(prev)));
        typeLiterals.push(isType && !opensMappedType(tokens, i));
        break;
      }
      case K.OpenParenToken:
      case K.OpenBracketToken:
        frames.push(frame(inTypePosition()));
        typeLiterals.push(false);
        break;
      case K.CloseBraceToken:
        if (inObjectType) endMember();
        frames.pop();
        typeLiterals.pop();
        break;
      case K.CloseParenToken:
      case K.CloseBracketToken:
        frames.pop();
        typeLiterals.pop();
        break;
      case K.TypeKeyword:
      case K.InterfaceKeyword:
        if (!top.type && tokens[i + 1]?.kind === K.Identifier) top.declaringType = true;
        break;
      case K.CaseKeyword:
        top.caseLabel = true;
        break;
      case K.DefaultKeyword:
        if (tokens[i + 1]?.kind === K.ColonToken) top.caseLabel = true;
        break;
      case K.QuestionToken:
        if (!top.type && ![K.ColonToken, K.CloseParenToken, K.CommaToken, K.EqualsToken].includes(tokens[i + 1]?.kind ?? K.Unknown)) top.pendingTernaries++;
        break;
      case K.SemicolonToken:
        top.declaringType = false;
        break;
    }
    annotation = t.kind === K.ColonToken && isAnnotationColon(top, prev);
    last = i;
  });
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    out.push(t);
    if (after.has(i)) out.push({ kind: K.SemicolonToken, text: ";", newlines: 0, space: "" });
  });
  return out;
}

/** `{ [K in T]: ... }` (with `readonly`, `+readonly`, `-readonly`): a mapped type, whose one member takes no `;`. */
function opensMappedType(tokens: readonly Token[], brace: number): boolean {
  let i = brace + 1;
  if (tokens[i]?.kind === K.PlusToken || tokens[i]?.kind === K.MinusToken) i++;
  if (tokens[i]?.kind === K.ReadonlyKeyword) i++;
  return tokens[i]?.kind === K.OpenBracketToken && tokens[i + 2]?.kind === K.InKeyword;
}

/** A `:` that starts a type (a parameter's, a variable's, a return type, a member's), not a property's value or a conditional's else. */
function isAnnotationColon(top: Frame, prev: ts.SyntaxKind | undefined): boolean {
  if (top.type) return true;
  if (top.pendingTernaries > 0) {
    top.pendingTernaries--;
    return false;
  }
  if (prev === K.CloseParenToken) return true;
  if (top.caseLabel) {
    top.caseLabel = false;
    return false;
  }
  return !top.object;
}
