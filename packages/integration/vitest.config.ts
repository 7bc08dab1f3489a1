import { defineConfig } from "vitest/config";
// End-to-end tests move real bytes through the emulator; on a loaded 2-core machine they need more than 5 s.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });
