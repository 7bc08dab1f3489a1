/**
 * The v4 hook tests' shared setup: React's act environment, and one MSW server answering every v4 operation
 * with the generated handlers, reset (and the rendered trees cleaned up) after each test.
 */
import { cleanup } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createWrikeHandlers } from "@wrikekit/msw";

export function useMswServer(): ReturnType<typeof setupServer> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const server = setupServer(...createWrikeHandlers());
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return server;
}
