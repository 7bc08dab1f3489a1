/** The Node server on a real loopback port, its state file, and the command line. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createWrikeClient } from "@wrikekit/client/v2";
import { xmlSupport } from "@wrikekit/client/xml";
import { CliUsageError, parseCliArgs, runCli } from "../src/cli.js";
import { startEmulatorServer, type EmulatorServer } from "../src/server.js";

const running: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer(options);
  running.push(server);
  return server;
}

function clientFor(server: EmulatorServer, format: "json" | "xml" = "json") {
  const { consumerKey, consumerSecret, user } = server.credentials;
  return createWrikeClient({ baseUrl: server.url, format, xml: xmlSupport, rateLimit: false, auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret } });
}

const tempDir = () => mkdtemp(join(tmpdir(), "wrikekit-emulator-"));

describe("startEmulatorServer", () => {
  it("serves the API on 127.0.0.1 to the real client over real HTTP, in JSON and XML", async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const format of ["json", "xml"] as const) {
      const wrike = clientFor(server, format);
      expect((await wrike.profile.get({})).uid).toBe("OYgzyijdAo5Q");
      const task = await wrike.task.add({ title: `over ${format}` });
      expect((await wrike.task.get({ id: task.id })).title).toBe(`over ${format}`);
    }
    const file = server.emulator.addAttachment({ taskId: [...server.emulator.state.tasks.keys()][0]!, fileName: "b.bin", bytes: new Uint8Array([1, 2, 3]) });
    const download = await clientFor(server).attachment.download({ id: file.id });
    expect([...new Uint8Array(await new Response(download.body).arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("saves to the state file atomically on stop() and starts from it again", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "state.json");
    const first = await start({ stateFile });
    const task = await clientFor(first).task.add({ title: "remember me" });
    await first.stop();
    await first.stop();
    expect(await readdir(dir)).toEqual(["state.json"]);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ format: "wrikekit-emulator-state", version: 1 });

    const second = await start({ stateFile });
    expect(second.credentials).toEqual(first.credentials);
    expect((await clientFor(second).task.get({ id: task.id })).title).toBe("remember me");
  });

  it("refuses a state file that is not a saved state", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "state.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(stateFile, "[]"));
    await expect(startEmulatorServer({ stateFile })).rejects.toThrow(/not a wrikekit-emulator-state document/);
  });
});

describe("the command line", () => {
  it("parses its options", () => {
    expect(parseCliArgs([])).toEqual({ port: 0, stateFile: undefined, autoApprove: true, help: false });
    expect(parseCliArgs(["--port", "8123", "--state", "s.json", "--no-auto-approve"])).toEqual({ port: 8123, stateFile: "s.json", autoApprove: false, help: false });
    expect(() => parseCliArgs(["--port", "http"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--port", "70000"])).toThrow(/--port must be an integer from 0 to 65535/);
    expect(() => parseCliArgs(["--verbose"])).toThrow(CliUsageError);
  });

  it("prints the URL and the seeded credentials when it starts, and the usage for --help", async () => {
    const printed: string[] = [];
    const server = (await runCli(["--port", "0", "--no-auto-approve"], { print: (text) => printed.push(text) }))!;
    running.push(server);
    const block = printed.join("\n");
    const { consumerKey, consumerSecret, user, viewer } = server.credentials;
    expect(block).toContain(`wrikekit emulator listening on ${server.url}`);
    for (const value of [consumerKey, consumerSecret, user.token, user.tokenSecret, viewer.token, viewer.tokenSecret]) expect(block).toContain(value);
    expect(block).toContain("shows an approval page");
    const help: string[] = [];
    expect(await runCli(["--help"], { print: (text) => help.push(text) })).toBeUndefined();
    expect(help.join("")).toMatch(/^Usage: wrikekit-emulator/);
  });

  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
  it.skipIf(!existsSync(bin))(`bin: saves the state file on SIGTERM${existsSync(bin) ? "" : " (skipped: build first, dist/bin.js is missing)"}`, async () => {
    const stateFile = join(await tempDir(), "state.json");
    const child = spawn(process.execPath, [bin, "--port", "0", "--state", stateFile], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Upload")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(JSON.parse(await readFile(stateFile, "utf8")).format).toBe("wrikekit-emulator-state");
  });
});
