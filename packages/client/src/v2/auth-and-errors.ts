/**
 * v2's versions of two core exports: the OAuth 1.0a flow with Wrike's endpoints filled in from the spec, and
 * WrikeApiError with `code` and `errorName` typed by v2's documented codes (`instanceof` narrows to them).
 */
import { createOAuth1Flow as createFlow, WrikeApiError as AnyApiError, type OAuth1Flow, type OAuth1FlowOptions } from "@wrikekit/core";
import { oauth1Endpoints, type ErrorCode, type ErrorName } from "./generated/api.js";

/** The three-legged OAuth 1.0a flow; `endpoints` defaults to Wrike's (`oauth1Endpoints.endpoints`, or the emulator's). */
export function createOAuth1Flow(options: Omit<OAuth1FlowOptions, "endpoints"> & Partial<Pick<OAuth1FlowOptions, "endpoints">>): OAuth1Flow {
  return createFlow({ ...options, endpoints: options.endpoints ?? oauth1Endpoints.endpoints });
}

// Typed explicitly: JSR refuses an inferred type in the public API (slow types).
export const WrikeApiError: typeof AnyApiError<ErrorName, ErrorCode> = AnyApiError<ErrorName, ErrorCode>;
export type WrikeApiError = AnyApiError<ErrorName, ErrorCode>;
