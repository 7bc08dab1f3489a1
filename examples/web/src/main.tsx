import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient } from "@tanstack/react-query";
import { createWrikeClient } from "@wrikekit/client/v2";
import { WrikeProvider } from "@wrikekit/react/v2";
import { App } from "./App.js";
import { DEMO_SESSION_TOKEN } from "./session.js";

async function startMockWrike(): Promise<void> {
  // The mock (emulator + generated handlers) loads only here; a production build would leave it out.
  const [{ setupWorker }, { createMockWrike }] = await Promise.all([import("msw/browser"), import("./mocks.js")]);
  const { handlers } = createMockWrike({ baseUrl: window.location.origin });
  await setupWorker(...handlers).start({ onUnhandledRequest: "bypass", quiet: true });
}

await startMockWrike();

// The browser holds a session token for its own origin, never a Wrike consumer secret (see session.ts).
const client = createWrikeClient({ baseUrl: window.location.origin, auth: { kind: "bearer", token: DEMO_SESSION_TOKEN } });
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WrikeProvider client={client} queryClient={queryClient}>
      <App />
    </WrikeProvider>
  </StrictMode>,
);
document.documentElement.dataset.ready = "true";
