import { defineConfig } from "vitest/config";
// The Node adapter's tests run real HTTP on 127.0.0.1; on a loaded machine (a whole-repo turbo run) they need more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
