/** How a refused v4 call reads in the story: the typed error's status, name and description. */
import { WrikeApiError, WrikeValidationError } from "@wrikekit/client";

export async function refusal(call: PromiseLike<unknown>): Promise<string> {
  try {
    await call;
    return "unexpectedly allowed";
  } catch (e) {
    if (e instanceof WrikeApiError) return `${e.httpStatus} ${e.error}: ${e.errorDescription}`;
    if (e instanceof WrikeValidationError) return `WrikeValidationError before anything was sent: ${e.issues.map((i) => `${i.path} expected ${i.expected}, got ${i.received}`).join("; ")}`;
    throw e;
  }
}
