/**
 * The opaque cursor the model pages with. It holds the API's page token of the page it points into and
 * how many of that page's items were already shown, so that a page cut to fit the model's context can be
 * resumed where it was cut. A value that is not one of ours is taken as a raw API page token.
 */
export interface PagePosition {
  /** The API page token that fetches the page; absent for the first page. */
  token: string | undefined;
  /** Items of that page already shown. */
  skip: number;
}

const PREFIX = "wk1.";

export class CursorError extends TypeError {}

export function encodeCursor(position: PagePosition): string {
  const body = JSON.stringify(position.token === undefined ? { s: position.skip } : { t: position.token, s: position.skip });
  return PREFIX + Buffer.from(body, "utf8").toString("base64url");
}

export function decodeCursor(text: string): PagePosition {
  if (!text.startsWith(PREFIX)) return { token: text, skip: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { t, s } = (parsed ?? {}) as { t?: unknown; s?: unknown };
  if ((t !== undefined && typeof t !== "string") || typeof s !== "number" || !Number.isSafeInteger(s) || s < 0)
    throw new CursorError("the cursor is damaged: pass the cursor exactly as a previous result gave it, or leave it out to start from the first page");
  return { token: t, skip: s };
}
