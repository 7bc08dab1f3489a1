import { defineConfig } from "vitest/config";
// The server tests start real servers and child processes; on a loaded 2-core machine they can take more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
