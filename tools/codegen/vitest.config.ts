import { defineConfig } from "vitest/config";
// Loading and generating the whole v4 spec (206 methods) takes seconds on a loaded 2-core machine.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
