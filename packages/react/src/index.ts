/** @wrikekit/react: TanStack Query v5 hooks for the Wrike API; the main entry is v4 (the API real accounts answer), v2 is at `@wrikekit/react/v2`. */
export * from "./v4/index.js";
