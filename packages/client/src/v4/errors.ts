/** WrikeApiError with `error`, `errorName` and `code` typed by v4's documented names and statuses (`instanceof` narrows to them). */
import { WrikeApiError as AnyApiError } from "@wrikekit/core";
import type { ErrorCode, ErrorName } from "./generated/api.js";

export const WrikeApiError = AnyApiError<ErrorName, ErrorCode>;
export type WrikeApiError = AnyApiError<ErrorName, ErrorCode>;
