/**
 * The v4 tests' stub Wrike: a real node:http server on 127.0.0.1, listening before the file's tests and
 * closed (its connections first) after them. `listening` receives its base URL.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export function useStubServer(listener: RequestListener, listening: (baseUrl: string) => void): Server {
  const server = createServer(listener);
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    listening(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return server;
}
