/** The bin's command line: help and version on stdout, bad flags a clear message on stderr and a non-zero exit, all fast. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SERVER_VERSION } from "../src/index.js";
import { BIN } from "./helpers.js";

const run = (...args: string[]) => {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input: "", env: { PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: "/nonexistent-wrikekit-test" }, timeout: 20_000 });
  return { ...result, ms: Date.now() - started };
};

describe("bin flags", () => {
  it("--help prints the usage on stdout and exits 0", () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n  wrikekit-mcp \[options\]/);
    expect(help.stdout).toContain("--read-only");
    expect(help.stdout).toContain("--allow-delete");
  });

  it("--version prints the version on stdout and exits 0", () => {
    const version = run("--version");
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(`wrikekit-mcp ${SERVER_VERSION}`);
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--tools", "some"], '--tools must be default, all or dynamic, got "some"'],
    [["--max-items", "-3"], "--max-items"],
    [["--read-only", "--allow-delete"], "contradict"],
    [["--port", "80"], "--port, --host and --behind-tls-proxy need --http"],
  ])("%j is refused with a message and exit 2", (args, message) => {
    const refused = run(...args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(message);
    expect(refused.stdout).toBe("");
    expect(refused.ms).toBeLessThan(10_000);
  });
});

/** Starts the bin, waits until it has said it serves, does `stop`, and resolves with how it exited. */
function exitAfter(args: string[], stop: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: "/nonexistent-wrikekit-test" } });
  return new Promise((resolve, reject) => {
    let stopped = 0;
    child.stderr.on("data", () => {
      if (stopped === 0) {
        stopped = Date.now();
        stop(child);
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the bin did not exit after ${JSON.stringify(args)}`));
    }, 10_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - stopped });
    });
  });
}

describe("shutdown", () => {
  it("stdio: ends when stdin closes, and on SIGTERM or SIGINT", async () => {
    for (const stop of [(child: ChildProcess) => child.stdin!.end(), (child: ChildProcess) => child.kill("SIGTERM"), (child: ChildProcess) => child.kill("SIGINT")]) {
      const exit = await exitAfter([], stop);
      expect(exit).toMatchObject({ code: 0, signal: null });
    }
  });

  it("Streamable HTTP: ends on SIGTERM and SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const exit = await exitAfter(["--http", "--port", "0", "--offline"], (child) => child.kill(signal));
      expect(exit).toMatchObject({ code: 0, signal: null });
    }
  });
});
