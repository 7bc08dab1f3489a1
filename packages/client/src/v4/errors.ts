/** WrikeApiError with `error`, `errorName` and `code` typed by v4's documented names and statuses (`instanceof` narrows to them). */
import { WrikeApiError as AnyApiError } from "@wrikekit/core";
import type { ErrorCode, ErrorName } from "./generated/api.js";

// Typed explicitly: JSR refuses an inferred type in the public API (slow types).
export const WrikeApiError: typeof AnyApiError<ErrorName, ErrorCode> = AnyApiError<ErrorName, ErrorCode>;
export type WrikeApiError = AnyApiError<ErrorName, ErrorCode>;
