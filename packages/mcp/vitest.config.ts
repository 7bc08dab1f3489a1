import { defineConfig } from "vitest/config";
// Some tests start the built bin as a child process; on a loaded 2-core machine that takes more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: ["test/global-setup.ts"], testTimeout: 30_000 } });
