/**
 * A small in-memory stand-in for the Wrike API v2 over `fetch`: enough of wrike.task.* and
 * wrike.folder.tree to drive the hooks, counting the calls per method so tests can see refetches.
 */
import { createWrikeClient, type WrikeClient } from "@wrikekit/client/v2";

interface FakeTask {
  id: number;
  title: string;
  status: number;
}

export interface FakeWrike {
  client: WrikeClient;
  tasks: FakeTask[];
  /** Calls per method id, e.g. calls["wrike.task.filter"]. */
  calls: Record<string, number>;
  fetch: typeof fetch;
}

export function fakeWrike(): FakeWrike {
  const tasks: FakeTask[] = [{ id: 1, title: "Existing", status: 0 }];
  const calls: Record<string, number> = {};
  let nextId = 2;
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const method = new URL(request.url).pathname.split("/").pop()!;
    const params = new URLSearchParams(await request.text());
    calls[method] = (calls[method] ?? 0) + 1;
    switch (method) {
      case "wrike.task.filter": {
        const statuses = params.get("statuses")?.split(",").map(Number);
        const list = tasks.filter((t) => !statuses || statuses.includes(t.status));
        return json({ filteredList: { tLast: Date.now(), list } });
      }
      case "wrike.task.get": {
        const task = tasks.find((t) => t.id === Number(params.get("id")));
        return task ? json({ task }) : json({ error: { code: 406, name: "ACCESS_ERROR", message: "not found" } }, 400);
      }
      case "wrike.task.add": {
        const task = { id: nextId++, title: params.get("title") ?? "", status: Number(params.get("status") ?? 0) };
        tasks.push(task);
        return json({ task });
      }
      case "wrike.task.update": {
        const task = tasks.find((t) => t.id === Number(params.get("id")))!;
        if (params.has("status")) task.status = Number(params.get("status"));
        if (params.has("title")) task.title = params.get("title")!;
        return json({ task });
      }
      case "wrike.folder.tree":
        return json({ foldersTree: { folders: [{ id: 0, title: "Root" }] } });
      case "wrike.attachment.download":
        return new Response(new TextEncoder().encode("file bytes"), { headers: { "content-type": "text/plain", "content-length": "10" } });
      default:
        return json({ error: { code: 407, name: "APPLICATION_ERROR", message: `${method} is not faked` } }, 500);
    }
  };
  const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, fetch: fetchImpl as typeof fetch });
  return { client, tasks, calls, fetch: fetchImpl as typeof fetch };
}
