import { defineConfig } from "vitest/config";
// The oauthlib cross-check starts /usr/bin/python3; on a loaded 2-core machine that can take more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
