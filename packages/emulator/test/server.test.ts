/** The Node server on a real loopback port, its state file, and the command line. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { request } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createWrikeClient } from "@wrikekit/client/v2";
import { xmlSupport } from "@wrikekit/client/xml";
import { CliUsageError, parseCliArgs, runCli } from "../src/cli.js";
import { methodDescriptors } from "@wrikekit/client/server";
import { startEmulatorServer, type EmulatorServer } from "../src/server.js";
import { credentialsOf } from "../src/credentials.js";
import { seedState } from "../src/engine/seed.js";

const running: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer(options);
  running.push(server);
  return server;
}

function clientFor(server: Pick<EmulatorServer, "url" | "credentials">, format: "json" | "xml" = "json") {
  const { consumerKey, consumerSecret, user } = server.credentials;
  return createWrikeClient({ baseUrl: server.url, format, xml: xmlSupport, rateLimit: false, auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret } });
}

/** Polls until `probe` gives a value (the state file is written in the background), for at most 10 s. */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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

  it("answers a Host header that makes no URL with 400, and goes on serving", async () => {
    const server = await start();
    const { port } = new URL(server.url);
    for (const host of ["exa mple", "[::1", "a:b:c"]) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/api/json/v2/wrike.profile.get", method: "POST", headers: { host } }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        });
        req.on("error", reject);
        req.end();
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("Host header");
    }
    expect((await clientFor(server).profile.get({})).uid).toBe("OYgzyijdAo5Q");
  });

  it("saves the state file shortly after writes (a burst of 20 lands), and not for reads", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "state.json");
    const server = await start({ stateFile });
    const wrike = clientFor(server);
    await wrike.profile.get({});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(stateFile)).toBe(false);
    const titles = await Promise.all(Array.from({ length: 20 }, (_, i) => wrike.task.add({ title: `burst ${i}` }).then((t) => t.title)));
    const saved = await waitFor(async () => {
      const text = existsSync(stateFile) ? await readFile(stateFile, "utf8") : "";
      return titles.every((t) => text.includes(`"${t}"`)) ? text : undefined;
    });
    expect(JSON.parse(saved).format).toBe("wrikekit-emulator-state");
    expect(await readdir(dir)).toEqual(["state.json"]);
  });

  it("saves the state file after a v4 write sent as a GET (?method=PUT), as after any other write", async () => {
    const stateFile = join(await tempDir(), "state.json");
    const server = await start({ stateFile });
    const v4 = (path: string) => fetch(`${server.url}/api/v4${path}`, { headers: { authorization: `Bearer ${server.credentials.permanentToken}` } }).then((r) => r.json() as Promise<{ data: Array<{ id: string; title: string }> }>);
    const [task] = (await v4("/tasks?limit=1")).data;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(stateFile)).toBe(false); // reads save nothing
    expect((await v4(`/tasks/${task!.id}?method=PUT&title=${encodeURIComponent("renamed through a GET")}`)).data[0]!.title).toBe("renamed through a GET");
    await waitFor(async () => (existsSync(stateFile) && (await readFile(stateFile, "utf8")).includes("renamed through a GET") ? true : undefined));
  });

  it("refuses a state file that is not a saved state", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "state.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(stateFile, "[]"));
    await expect(startEmulatorServer({ stateFile })).rejects.toThrow(/not a wrikekit-emulator-state document/);
  });

  it("a state file it could not read or save later fails at start, naming the path (not at the first save, after the changes)", async () => {
    const dir = await tempDir();
    const notJson = join(dir, "state.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(notJson, "not json"));
    await expect(startEmulatorServer({ stateFile: notJson })).rejects.toThrow(`state file ${notJson}: the saved state is not JSON`);
    await expect(startEmulatorServer({ stateFile: dir })).rejects.toThrow(`state file ${dir} is a folder: pass the path of a file in it`);
    const missing = join(dir, "no-such-folder", "state.json");
    await expect(startEmulatorServer({ stateFile: missing })).rejects.toThrow(`state file ${missing}: its folder ${join(dir, "no-such-folder")} does not exist or cannot be written (ENOENT)`);
  });
});

describe("the command line", () => {
  it("parses its options", () => {
    expect(parseCliArgs([])).toEqual({ port: 0, stateFile: undefined, autoApprove: true, help: false, version: false });
    expect(parseCliArgs(["--port", "8123", "--state", "s.json", "--no-auto-approve"])).toEqual({ port: 8123, stateFile: "s.json", autoApprove: false, help: false, version: false });
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
    // Every v2 method is listed, and the printed v2 curl call works as printed (form-encoded, bearer token).
    for (const id of Object.keys(methodDescriptors)) expect(block).toContain(`wrike.${id.split(".")[1]}.{`);
    expect(block).toContain("wrike.task.{get,filter,updates,add,update,delete}");
    const curl = /curl -H "Authorization: Bearer (\S+)" -d title=Hello -d dueDate=(\S+) (\S+\/api\/json\/v2\/wrike\.task\.add)/.exec(block)!;
    const added = await fetch(curl[3]!, { method: "POST", headers: { authorization: `Bearer ${curl[1]}`, "content-type": "application/x-www-form-urlencoded" }, body: `title=Hello&dueDate=${curl[2]}` });
    expect(await added.json()).toMatchObject({ task: { title: "Hello", dueDate: "2030-01-31 17:00:00.0" } });
    const port = new URL(server.url).port;
    await expect(runCli(["--port", port], { print: () => {} })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use (another emulator?): pass another --port, or --port 0 for any free one`);
    const help: string[] = [];
    expect(await runCli(["--help"], { print: (text) => help.push(text) })).toBeUndefined();
    expect(help.join("")).toMatch(/^Usage: wrikekit-emulator/);
    // The bin as installed prints the package's version.
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    const versionRun = spawnSync(process.execPath, [fileURLToPath(new URL("../dist/bin.js", import.meta.url)), "--version"], { encoding: "utf8" });
    expect(versionRun.stdout.trim()).toBe(`wrikekit-emulator ${version}`);
  });

  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
  /** Starts the bin and resolves once it has printed its startup block (the URL and the credentials). */
  async function startBin(stateFile: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
    const child = spawn(process.execPath, [bin, "--port", "0", "--state", stateFile], { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Upload")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    return { child, url: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]! };
  }

  it.skipIf(!existsSync(bin))("bin: a write survives SIGKILL (the state file is saved as writes happen)", async () => {
    const stateFile = join(await tempDir(), "state.json");
    const first = await startBin(stateFile);
    const credentials = credentialsOf(seedState(Date.now())); // what the bin printed: a fresh state is the seed
    const task = await clientFor({ url: first.url, credentials }).task.add({ title: "survives SIGKILL" });
    await waitFor(async () => (existsSync(stateFile) && (await readFile(stateFile, "utf8")).includes("survives SIGKILL") ? true : undefined));
    const killed = new Promise((resolve) => first.child.once("exit", (_code, signal) => resolve(signal)));
    first.child.kill("SIGKILL");
    expect(await killed).toBe("SIGKILL");

    const second = await startBin(stateFile);
    try {
      expect((await clientFor({ url: second.url, credentials }).task.get({ id: task.id })).title).toBe("survives SIGKILL");
    } finally {
      second.child.kill("SIGKILL");
    }
  }, 30_000);

  it.skipIf(!existsSync(bin))(`bin: saves the state file on SIGTERM${existsSync(bin) ? "" : " (skipped: build first, dist/bin.js is missing)"}`, async () => {
    const stateFile = join(await tempDir(), "state.json");
    const { child, url } = await startBin(stateFile);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(JSON.parse(await readFile(stateFile, "utf8")).format).toBe("wrikekit-emulator-state");
  });

  it.skipIf(!existsSync(bin))("bin: Ctrl-C under pnpm (SIGINT from the terminal and again from pnpm) still exits 0 after saving", async () => {
    const stateFile = join(await tempDir(), "state.json");
    const { child } = await startBin(stateFile);
    const exited = new Promise<[number | null, string | null]>((resolve) => child.once("exit", (code, signal) => resolve([code, signal])));
    child.kill("SIGINT");
    child.kill("SIGINT");
    expect(await exited).toEqual([0, null]);
    expect(JSON.parse(await readFile(stateFile, "utf8")).format).toBe("wrikekit-emulator-state");
  }, 30_000);
});
