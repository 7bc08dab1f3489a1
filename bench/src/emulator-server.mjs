/**
 * The emulator on a loopback port, for figure 7, in its own process: startEmulatorServer, then `count`
 * extra tasks created through the emulator's engine (its wrike.task.add, as the seeded user, so every
 * rule of task creation applies; with --v4, v4 tasks through emulator.addV4Task, in the seeded space).
 * Prints {url, credentials, taskId, tasks, seedMs} as one JSON line, then serves until its parent closes
 * stdin. With --state FILE it persists to FILE as writes happen (the --state of the command line). The v4
 * per-token budget is off: the load generator is one token.
 */
import { startEmulatorServer, } from "@wrikekit/emulator/server";
import { engineMethods } from "@wrikekit/emulator";
import { oauth1Endpoints } from "@wrikekit/client/v2";

const argv = process.argv.slice(2);
const stateAt = argv.indexOf("--state");
const stateFile = stateAt === -1 ? undefined : argv[stateAt + 1];
const count = Number(argv.find((a, i) => !a.startsWith("--") && (stateAt === -1 || i !== stateAt + 1)) ?? 0);
const server = await startEmulatorServer({ v4RateLimit: false, ...(stateFile === undefined ? {} : { stateFile }) });
const v4 = argv.includes("--v4");
const { state } = server.emulator;

if (process.argv.includes("--nonce-front-eviction")) {
  const window = oauth1Endpoints.timestampWindowSeconds;
  const now = () => server.emulator.now() / 1000;
  class FrontEvictingNonces extends Map {
    *[Symbol.iterator]() {
      for (const entry of super.entries()) {
        yield entry;
        if (Math.abs(now() - entry[1]) <= window) return;
      }
    }
  }
  state.oauth.nonces = new FrontEvictingNonces(state.oauth.nonces);
}
const me = { user: state.users.get(server.credentials.user.uid), at: server.emulator.now() };
const folders = [...state.folders.values()].filter((f) => f.sharedUsers.includes(me.user.uid)).map((f) => f.id);
const others = [...state.users.values()].filter((u) => u.license === "Collaborator").map((u) => u.uid);
const taskAdd = engineMethods["wrike.task.add"];

const started = performance.now();
const DAY = 86_400_000;
const v4Space = server.emulator.v4.spaces.keys().next().value;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
for (let i = 0; v4 && i < count; i++) {
  const start = Math.floor(me.at / DAY) * DAY + ((i % 60) - 30) * DAY;
  const kind = i % 3;
  server.emulator.addV4Task({
    folderId: v4Space,
    title: `Task ${i}: ${["report", "plan", "review", "launch", "audit"][i % 5]}`,
    description: i % 4 === 0 ? "" : `Generated task number ${i} for the benchmark`,
    status: ["Active", "Completed", "Deferred", "Cancelled"][i % 4],
    importance: ["High", "Normal", "Low"][i % 3],
    dates: kind === 0 ? { start: day(start), due: day(start + 2 * DAY) } : kind === 1 ? { due: day(start) } : { type: "Backlog" },
    responsibles: [others[i % others.length]],
  });
}
for (let i = 0; !v4 && i < count; i++) {
  const day = Math.floor(me.at / DAY) * DAY + ((i % 60) - 30) * DAY;
  const kind = i % 3; // planned, milestone, backlog (rule taskDateKinds)
  taskAdd(state, me, {
    title: `Task ${i}: ${["report", "plan", "review", "launch", "audit"][i % 5]}`,
    description: i % 4 === 0 ? "" : `Generated task number ${i} for the benchmark`,
    status: i % 4,
    importance: i % 3,
    ...(kind === 0 ? { startDate: new Date(day), dueDate: new Date(day + 2 * DAY) } : kind === 1 ? { dueDate: new Date(day) } : { duration: "480" }),
    responsibleUsers: [others[i % others.length]],
    ...(i % 2 === 0 && folders.length > 0 ? { parents: [folders[i % folders.length]] } : {}),
  });
}
const seedMs = performance.now() - started;
const taskId = [...state.tasks.values()].find((t) => t.authorUid === me.user.uid).id;
const tasks = v4 ? server.emulator.v4.tasks.size : state.tasks.size;

process.stdout.write(JSON.stringify({ url: server.url, credentials: server.credentials, taskId, tasks, seedMs }) + "\n");
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.stop();
  process.exit(0);
});
setTimeout(() => process.exit(0), 10 * 60_000).unref();
