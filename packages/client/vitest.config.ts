import { defineConfig } from "vitest/config";
// Several tests run real local servers; on a loaded 2-core machine they can take more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
