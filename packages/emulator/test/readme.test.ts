/** The README's demo, run as written: the first ```js block, as a module inside this package. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
// Inside the package, so that "@wrikekit/emulator/server" resolves to this package's own dist.
const SCRIPT = fileURLToPath(new URL("./readme-demo.tmp.mjs", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/server.js", import.meta.url)));

it.skipIf(!built)(`the demo runs and prints what it promises${built ? "" : " (skipped: build first, dist/ is missing)"}`, () => {
  const demo = /```js\n([\s\S]*?)```/.exec(readFileSync(README, "utf8"))![1]!;
  writeFileSync(SCRIPT, demo);
  try {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8", timeout: 20_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("true true\n");
  } finally {
    rmSync(SCRIPT, { force: true });
  }
});
