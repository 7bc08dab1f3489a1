/** @wrikekit/msw: Mock Service Worker 2 handlers for the Wrike API; the main entry is v2, exactly as `@wrikekit/msw/v2`. */
export * from "./v2/index.js";
