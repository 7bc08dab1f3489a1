/**
 * A loopback HTTP server for figure 4, run in its own process, keep-alive on: answers GET /api/v4/tasks/{id}
 * with one fixed v4 {kind, data} document (spec/v4's tasks.get example) and every other request with one
 * fixed wrike.task.get JSON document (the v2 reference example). Prints its port, then serves until its
 * parent closes stdin (or it is killed).
 */
import { createServer } from "node:http";

const body = JSON.stringify({
  task: {
    id: 369812,
    title: "The task name",
    description: "",
    authorUid: "9zuLfzS9mEUm",
    createdDate: "2010-11-11 18:09:00.556",
    whoChanged: "9zuLfzS9mEUm",
    lastUpdatedDate: "2010-11-18 11:41:08.221",
    type: "task",
    status: 0,
    importance: 1,
    startDate: "2010-11-05 00:00:00.0",
    dueDate: "2010-11-25 00:00:00.0",
    duration: "6720",
    attachmentsCount: 0,
    commentsCount: 0,
    responsibleUsers: ["9zuLfzS9mEUm"],
    sharedUsers: ["9zuLfzS9mEUm"],
    parents: ["354504"],
    recurenceTemplate: "",
    predecessor: [],
    successor: [],
  },
});
const V4_TASK_ID = "IEAGKVLFKQ7WMVOE";
const v4Body = JSON.stringify({
  kind: "tasks",
  data: [
    {
      id: V4_TASK_ID,
      accountId: "IEAGKVLF",
      title: "Draft launch plan",
      description: "Outline for the launch.",
      briefDescription: "Outline for the launch.",
      status: "Active",
      importance: "High",
      createdDate: "2026-11-02T09:15:00Z",
      updatedDate: "2026-11-03T10:00:00Z",
      dates: { type: "Planned", duration: 2400, start: "2026-12-01T09:00:00", due: "2026-12-05T17:00:00" },
      scope: "WsTask",
      customStatusId: "IEAGKVLFJMAAAAAA",
      permalink: "https://www.wrike.com/open.htm?id=100001",
      priority: "1e4e3c00",
      parentIds: ["IEAGKVLFI4AAAAAB"],
      responsibleIds: ["KUAAAAAB"],
      authorIds: ["KUAAAAAA"],
      customFields: [{ id: "IEAGKVLFJUAAAAAC", value: "42" }],
      metadata: [{ key: "origin", value: "import" }],
    },
  ],
});
const answer = (text) => ({ text, headers: { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) } });
const v2 = answer(body);
const v4 = answer(v4Body);

const server = createServer({ keepAlive: true, keepAliveTimeout: 120_000 }, (req, res) => {
  const { text, headers } = req.method === "GET" && req.url === `/api/v4/tasks/${V4_TASK_ID}` ? v4 : v2;
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(text);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
// A bound on its life, whatever happens to the parent (figure 4 takes minutes, many more on a loaded machine).
setTimeout(() => process.exit(0), 30 * 60_000).unref();
