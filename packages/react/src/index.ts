/** @wrikekit/react: TanStack Query v5 hooks for the Wrike API; the main entry is v2, exactly as `@wrikekit/react/v2`. */
export * from "./v2/index.js";
