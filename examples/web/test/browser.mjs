#!/usr/bin/env node
/**
 * `pnpm test:browser`: the example app, built by Vite and served by `vite preview` on a free loopback
 * port, driven in Debian's Chromium through playwright-core. The app talks to the MSW service worker,
 * whose generated handlers answer from the emulator. Scenario: create a task, see it in the active list,
 * complete it, see it move to the completed list. Starts and stops the server and the browser itself.
 *
 * Chromium: CHROMIUM_PATH, else /usr/lib/chromium/chromium or /usr/bin/chromium (apt-get install chromium;
 * .ci/install-chromium). Build the app first (`pnpm test:browser` at the root does).
 */
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const candidates = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"].filter(Boolean);
const executablePath = candidates.find((p) => existsSync(p));
if (!executablePath) {
  console.error(`test:browser: no Chromium at ${candidates.join(", ")}; run .ci/install-chromium (apt-get install -y chromium)`);
  process.exit(1);
}
if (!existsSync(join(appDir, "dist/index.html")) || !existsSync(join(appDir, "dist/mockServiceWorker.js"))) {
  console.error("test:browser: the app is not built; run `pnpm --filter @wrikekit/example-web build` (or `pnpm test:browser` at the root)");
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n    ${String(error?.message ?? error).split("\n").join("\n    ")}`);
    throw error;
  }
}

const port = await freePort();
const server = await preview({ root: appDir, configFile: join(appDir, "vite.config.ts"), logLevel: "warn", preview: { port, host: "127.0.0.1", strictPort: true, open: false } });
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const problems = [];
const deadline = setTimeout(() => {
  console.error("test:browser: timed out after 120 s");
  process.exit(1);
}, 120_000);

try {
  console.log(`test:browser: ${url} in ${executablePath} (${browser.version()})`);
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  const title = `Water the plants ${Date.now().toString(36)}`;
  const active = page.getByTestId("active");
  const completed = page.getByTestId("completed");

  await check("the app loads, the MSW worker starts, and the lists load from the emulator", async () => {
    await page.goto(url);
    await page.locator("html[data-ready=true]").waitFor();
    await active.waitFor();
    await completed.waitFor();
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    if (!controlled?.endsWith("/mockServiceWorker.js")) throw new Error(`page not controlled by the MSW worker: ${controlled}`);
    if ((await active.locator("li").count()) === 0) throw new Error("the emulator's seeded active tasks are missing");
  });

  await check("creating a task lists it among the active tasks (useTaskAdd invalidates wrike.task.filter)", async () => {
    await page.getByLabel("New task").fill(title);
    await page.getByRole("button", { name: "Add task" }).click();
    await active.locator("li", { hasText: title }).waitFor();
    if ((await completed.locator("li", { hasText: title }).count()) !== 0) throw new Error("the new task is listed as completed");
    if ((await page.getByLabel("New task").inputValue()) !== "") throw new Error("the form was not reset by the caller's onSuccess");
  });

  await check("completing it moves it from the active list to the completed list", async () => {
    await active.locator("li", { hasText: title }).getByRole("button", { name: /^Complete/ }).click();
    await completed.locator("li", { hasText: title }).waitFor();
    await active.locator("li", { hasText: title }).waitFor({ state: "detached" });
  });

  await check("no page or console errors", async () => {
    const shot = join(tmpdir(), "wrikekit-example-web.png");
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`    screenshot: ${shot}`);
    if (problems.length > 0) throw new Error(problems.join("\n"));
  });
} catch {
  // reported by check(); show what the page shows
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    const shot = join(tmpdir(), "wrikekit-example-web-failure.png");
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.log(`    screenshot: ${shot}\n    page text: ${(await page.locator("main").innerText().catch(() => "?")).replace(/\n/g, " | ")}`);
  }
  for (const p of problems) console.log(`    ${p}`);
} finally {
  clearTimeout(deadline);
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed === 4 ? 0 : 1);
