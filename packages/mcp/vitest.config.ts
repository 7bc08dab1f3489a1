import { defineConfig } from "vitest/config";
// Some tests start the built bin as a child process or compile every tool schema; on a loaded 2-core machine that takes more than 5 s (30 s seen).
export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: ["test/global-setup.ts"], testTimeout: 60_000 } });
