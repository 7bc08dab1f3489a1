/**
 * A loopback HTTP server for figure 4, run in its own process: answers every POST with one fixed
 * wrike.task.get JSON document (the reference example), keep-alive on. Prints its port, then serves
 * until its parent closes stdin (or it is killed).
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
const headers = { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(body) };

const server = createServer({ keepAlive: true, keepAliveTimeout: 120_000 }, (req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
// A bound on its life, whatever happens to the parent.
setTimeout(() => process.exit(0), 10 * 60_000).unref();
