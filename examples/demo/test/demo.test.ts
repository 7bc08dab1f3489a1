import { describe, expect, it } from "vitest";
import { parseDemoArgs } from "../src/args.js";
import { startEmulatorServer } from "@wrikekit/emulator/server";
import { runDemo } from "../src/demo.js";

describe("the v4 story against the emulator (the default)", () => {
  // 2,500 tasks through the client's validators: a few seconds alone, far longer on a loaded machine.
  it("signs in with OAuth 2.0, builds, pages, batches, converts, is refused and cleans up, and tells it", { timeout: 120_000 }, async () => {
    const summary = await runDemo({ env: {}, print: () => {} });
    expect(summary).toMatchObject({ api: "v4", folders: 3, tasks: 2512, comments: 3, timelogs: 2, attachments: 1 });
    const text = summary.lines.join("\n");
    expect(text).toContain("Signing in with OAuth 2.0");
    expect(text).toMatch(/exchanged the code: an access token for 60 minutes, a refresh token, API host 127\.0\.0\.1:\d+/);
    expect(text).toMatch(/space "Launch [\d-]+" \(Public\)/);
    expect(text).toMatch(/project "Website relaunch" \(Green, [\d-]+ to [\d-]+\)/);
    expect(text).toMatch(/backlog +"Collect feedback": Backlog\n/);
    expect(text).toMatch(/milestone +"Design sign-off": Milestone, due [\d-]+T17:00:00\n/);
    expect(text).toMatch(/planned +"Draw the mock-ups": Planned, start [\d-]+T09:00:00, due [\d-]+T17:00:00, \d+ h of work\n/);
    expect(text).toMatch(/fixed work "Launch weekend": Planned, start [\d-]+T09:00:00, due [\d-]+T17:00:00, 16 h of work, weekends included/);
    expect(text).toContain('carries custom fields: Story points = "8", Team = "Web"');
    expect(text).toContain('"Draw the mock-ups" has 2 subtasks');
    expect(text).toContain('2 comments on "Draw the mock-ups"; the edited one reads "Mobile and tablet layouts next."');
    expect(text).toMatch(/read it back as a stream: 7800 bytes of text\/plain in \d+ chunk\(s\), identical/);
    expect(text).toContain('6.5 hours logged in 2 entries under "Development"');
    expect(text).toMatch(/\[#{20}\] job progress: 100 of 100\n {3}job Completed after \d+ polls: 100 tasks created/);
    expect(text).toContain("seeded 2,400 more tasks into \"Build\" through the emulator's control API");
    expect(text).toMatch(/webhook \S+ on the project posts to http:\/\/127\.0\.0\.1:\d+\/wrike \(Active\); creating it ran the handshake/);
    expect(text).toMatch(/→ create a task\n {6}← TaskCreated of (\S+) \(signature verified\)\n {3}→ rename it and complete it\n {6}← TaskTitleChanged of \1: "Write the launch post" → "Write and publish the launch post" \(signature verified\)\n {6}← TaskStatusChanged of \1: "Active" → "Completed" \(signature verified\)\n {3}→ comment on it\n {6}← CommentAdded \S+ on \1 \(signature verified\)\n/);
    expect(text).toContain("a forged delivery, signed with another secret: HTTP 401, handler run 0 times");
    expect(text).toContain("a replay of the last event, correctly signed (de-duplicated): HTTP 200, handler run 0 times");
    expect(text).toContain("4 events handled, each exactly once; the webhook is deleted");
    expect(text).toMatch(/\[#{20}\] tasks walked, 500 a page: 2,505 of 2,505/);
    expect(text).toContain("the first page said 2,500 tasks match; the walk took 6 pages and saw 2,505 distinct tasks, 0 twice");
    expect(text).toContain("not an offset, so nothing shifted, and 5 of the 5 new ones came on later pages");
    expect(text).toMatch(/v2 task \d+ \("([^"]+)"\) is \S+ in v4, titled "\1"/);
    expect(text).toContain("hours given as text: WrikeValidationError before anything was sent: hours expected finite number");
    expect(text).toContain("a Milestone with a start date: 400 invalid_parameter");
    expect(text).toContain("a task as its own super task: 400 invalid_parameter");
    expect(text).toContain("a page of 5,000: 400 invalid_parameter");
    expect(text).toContain("a wsReadOnly token creating a task: 403 not_allowed");
    expect(text).toContain("a Collaborator renaming a task not assigned to her: 403 not_allowed");
    expect(text).toMatch(/asking for it again: 404 resource_not_found/);
    expect(text).toContain("Done: 3 folders, 2,512 tasks, 3 comments, 2 time logs, 1 attachment");
    expect(text).not.toContain("unexpectedly allowed");
    // The printed account never shows a token.
    expect(text).not.toMatch(/emu-permanent|access_token|refresh_token/);
  });
});

describe("the v2 story against the emulator (--api v2)", () => {
  for (const format of ["json", "xml"]) {
    it(`runs the whole walkthrough in ${format.toUpperCase()} and tells what happened`, async () => {
      const summary = await runDemo({ api: "v2", env: { WRIKE_FORMAT: format }, print: () => {} });
      expect(summary).toMatchObject({ api: "v2", folders: 2, tasks: 4, comments: 3, timelogs: 2, attachments: 1 });
      const text = summary.lines.join("\n");
      expect(text).toContain("Signing in with OAuth 1.0a");
      expect(text).toMatch(/milestone +#\d+ "Design sign-off"/);
      expect(text).toContain("6.5 hours logged in 2 entries");
      expect(text).toMatch(/has 2 versions; downloaded version 2 as a stream: 7800 bytes/);
      expect(text).toMatch(/overdue: #\d+ "Draw the mock-ups"/);
      expect(text).toContain("paged through 3 tasks in 2 pages of 2");
      expect(text).toMatch(/tasks: 1 new \(Write the release notes\), 1 updated \(Draw the mock-ups → status 1\)/);
      expect(text).toContain("fetching the root folder: 405 LIMITATION_ERROR");
      expect(text).toContain("a Viewer adding a task: 405 LIMITATION_ERROR");
      expect(text).toMatch(/deleted "Launch [\d-]+" and everything only it held: [1-9]\d* elements/);
      expect(text).toContain("Done: 2 folders, 4 tasks, 3 comments, 2 time logs, 1 attachment");
      // The printed account never shows a token secret.
      expect(text).not.toMatch(/secret [0-9a-f]{20,}/);
      // Nor the request token, in its own words or in the authorise URL.
      expect(text).not.toMatch(/oauth_token=|request token [a-z0-9]{4,}/i);
    });
  }
});

describe("the command line", () => {
  it("defaults to v4 read-only and takes --api v2 and --write", () => {
    expect(parseDemoArgs([])).toEqual({ api: "v4", write: false, help: false });
    expect(parseDemoArgs(["--api", "v2"])).toMatchObject({ api: "v2", write: false });
    expect(parseDemoArgs(["--write"])).toMatchObject({ api: "v4", write: true });
  });

  it("refuses what it does not know, naming it", () => {
    expect(() => parseDemoArgs(["--api", "v3"])).toThrow(/--api must be v4 or v2, got "v3"/);
    expect(() => parseDemoArgs(["--api", "v2", "--write"])).toThrow(/--write is for the v4 story/);
    expect(() => parseDemoArgs(["--writ"])).toThrow(/Unknown option '--writ'/);
  });

  it("refuses a v2 OAuth 1.0a token for the v4 story before connecting anywhere", async () => {
    const printed: string[] = [];
    await expect(runDemo({ env: { WRIKE_TOKEN: "t", WRIKE_TOKEN_SECRET: "s" }, print: (line) => printed.push(line) })).rejects.toThrow(/needs a permanent token in WRIKE_TOKEN alone/);
    expect(printed).toEqual([]);
  });
});

describe("the v2 story against a real server (all four WRIKE_* credentials)", () => {
  it("only reads, and says so", { timeout: 60_000 }, async () => {
    const server = await startEmulatorServer();
    try {
      const { consumerKey, consumerSecret, user } = server.credentials;
      const world = () => JSON.stringify([[...server.emulator.state.folders.values()], [...server.emulator.state.tasks.values()]]);
      const before = world();
      const summary = await runDemo({ api: "v2", env: { WRIKE_CONSUMER_KEY: consumerKey, WRIKE_CONSUMER_SECRET: consumerSecret, WRIKE_TOKEN: user.token, WRIKE_TOKEN_SECRET: user.tokenSecret, WRIKE_BASE_URL: server.url }, print: () => {} });
      expect(world()).toBe(before);
      const text = summary.lines.join("\n");
      expect(text).toContain("read-only: the v2 story against a real server only reads");
      expect(text).toContain("fetching the root folder: 405 LIMITATION_ERROR");
      expect(text).not.toContain(user.tokenSecret);
      expect(summary).toMatchObject({ folders: 0, tasks: 0, comments: 0, timelogs: 0, attachments: 0 });
    } finally {
      await server.stop();
    }
  });

  it("WRIKE_HOST names the server the credentials go to, as in the v4 story (not www.wrike.com regardless)", { timeout: 60_000 }, async () => {
    const server = await startEmulatorServer();
    try {
      const { consumerKey, consumerSecret, user } = server.credentials;
      const host = new URL(server.url).host;
      const summary = await runDemo({ api: "v2", env: { WRIKE_CONSUMER_KEY: consumerKey, WRIKE_CONSUMER_SECRET: consumerSecret, WRIKE_TOKEN: user.token, WRIKE_TOKEN_SECRET: user.tokenSecret, WRIKE_HOST: host }, print: () => {} });
      expect(summary.lines.join("\n")).toContain(`Connecting to real Wrike at http://${host} (JSON)`);
      expect(summary.lines.at(-1)).toContain("Done:");
    } finally {
      await server.stop();
    }
  });

  it("WRIKE_HOST and WRIKE_BASE_URL both set: refused naming both, before connecting anywhere", async () => {
    const env = { WRIKE_CONSUMER_KEY: "k", WRIKE_CONSUMER_SECRET: "s", WRIKE_TOKEN: "t", WRIKE_TOKEN_SECRET: "ts", WRIKE_HOST: "app-eu.wrike.com", WRIKE_BASE_URL: "http://127.0.0.1:9" };
    await expect(runDemo({ api: "v2", env, print: () => {} })).rejects.toThrow(/WRIKE_HOST and WRIKE_BASE_URL are both set/);
  });

  it("credentials the server refuses: one line naming the variables, not their values", async () => {
    const server = await startEmulatorServer();
    try {
      const { consumerKey, user } = server.credentials;
      const env = { WRIKE_CONSUMER_KEY: consumerKey, WRIKE_CONSUMER_SECRET: "wrong-consumer-secret", WRIKE_TOKEN: user.token, WRIKE_TOKEN_SECRET: user.tokenSecret, WRIKE_BASE_URL: server.url };
      const failure = await runDemo({ api: "v2", env, print: () => {} }).catch((e: unknown) => e as Error);
      expect((failure as Error).message).toMatch(/^Wrike refused the OAuth 1\.0a credentials in WRIKE_CONSUMER_KEY, WRIKE_CONSUMER_SECRET, WRIKE_TOKEN and WRIKE_TOKEN_SECRET \(402 CREDENTIALS_ERROR/);
      for (const secret of ["wrong-consumer-secret", user.token, user.tokenSecret]) expect((failure as Error).message).not.toContain(secret);
    } finally {
      await server.stop();
    }
  });

  it("some of the four but not all: names the missing ones before connecting anywhere", async () => {
    const printed: string[] = [];
    await expect(runDemo({ api: "v2", env: { WRIKE_TOKEN: "t" }, print: (line) => printed.push(line) })).rejects.toThrow(/WRIKE_CONSUMER_KEY, WRIKE_CONSUMER_SECRET and WRIKE_TOKEN_SECRET are missing/);
    expect(printed).toEqual([]);
  });
});

describe("WRIKE_EMULATOR_PORT", () => {
  it("that is not a port is refused naming it", async () => {
    await expect(runDemo({ env: { WRIKE_EMULATOR_PORT: "abc" }, print: () => {} })).rejects.toThrow(/WRIKE_EMULATOR_PORT must be a port from 0 to 65535, got "abc"/);
    await expect(runDemo({ api: "v2", env: { WRIKE_EMULATOR_PORT: "70000" }, print: () => {} })).rejects.toThrow(/WRIKE_EMULATOR_PORT must be a port/);
  });
});
