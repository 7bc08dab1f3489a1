/** @wrikekit/msw: Mock Service Worker 2 handlers for the Wrike API; the main entry is v4 (the API real accounts answer), v2 is at `@wrikekit/msw/v2`. */
export * from "./v4/index.js";
