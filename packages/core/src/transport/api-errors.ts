/**
 * Reading an API error out of a parsed answer. Each API names its reader in its generated descriptor
 * (`readError`), so a bundle carries only the one its API needs: v4 takes the code from the HTTP status,
 * v2 from the envelope's code field (with the checks that field needs).
 */
import type { ApiDescriptor, ErrorReader } from "../descriptors.js";
import { describeValue, WrikeApiError, WrikeDecodeError } from "../errors.js";

/**
 * v4: the API error in `envelope`, the document itself (no root key), when it is an error envelope (it
 * has the name or the message field); the code is the HTTP status unless `codeOf` reads it from the
 * envelope (v2's reader, below, passes one; the answer's format is for its errors).
 */
export function readStatusError(api: ApiDescriptor, method: string, envelope: unknown, httpStatus: number, _format?: unknown, codeOf?: (body: Record<string, unknown>, sentName: string | undefined, serverMessage: string) => number): WrikeApiError | undefined {
  const env = api.errorEnvelope;
  const body = envelope as Record<string, unknown> | null | undefined;
  if (typeof body !== "object" || !body || !(env.messageField in body || env.nameField in body)) return undefined;
  const serverMessage = textOf(body[env.messageField] ?? "");
  const sentName = body[env.nameField] == null ? undefined : textOf(body[env.nameField]);
  const code = codeOf ? codeOf(body, sentName, serverMessage) : httpStatus;
  const errorName = sentName ?? api.errorCodes[code] ?? "UNKNOWN_ERROR";
  return new WrikeApiError({ code, errorName, serverMessage, method, httpStatus });
}

/** A field of the envelope as text: a server that sends an object or a list there is quoted, not `[object Object]`. */
const textOf = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * v2: the envelope sits under the root key, its code field is the code: an integer, or a numeric string as
 * XML sends it. Anything else (absent, "abc", 4.5) is a WrikeDecodeError naming the field: a code is never
 * made up or left NaN, and the error keeps the envelope's name and message.
 */
export const readCodedError: ErrorReader = (api, method, document, httpStatus, format) =>
  readStatusError(api, method, (document as Record<string, unknown> | undefined)?.[api.errorEnvelope.root!], httpStatus, format, (body, sentName, serverMessage) => {
    const field = api.errorEnvelope.codeField!;
    const raw = body[field];
    if (Number.isSafeInteger(raw) || (typeof raw === "string" && /^\d{1,15}$/.test(raw))) return Number(raw);
    throw new WrikeDecodeError({ message: `${method}: the API error's ${field} is not an integer (got ${describeValue(raw)}; ${sentName ?? "UNKNOWN_ERROR"}: ${serverMessage})`, method, format });
  });
