/** Project status arguments are read by the spec's ProjectStatus enum: Custom is taken, anything else outside it refused. */
import { afterEach, expect, it } from "vitest";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { startEmulatorServer, type EmulatorServer } from "../../src/server.js";

const running: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function post(server: EmulatorServer, method: string, path: string, params: Record<string, unknown>) {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  const response = await fetch(`${server.url}/api/v4${path}`, { method, headers: { authorization: `Bearer ${SEED_CREDENTIALS.permanentToken}` }, body });
  return { status: response.status, json: (await response.json()) as any };
}

it("creates and updates a project with status Custom and refuses a status outside the enum, naming the field", async () => {
  const server = await startEmulatorServer({ v4RateLimit: false });
  running.push(server);
  const space = (await post(server, "POST", "/spaces", { title: "S", accessType: "Public" })).json.data[0];
  const created = await post(server, "POST", `/folders/${space.id}/folders`, { title: "P", project: { status: "Custom" } });
  expect(created.status).toBe(200);
  expect(created.json.data[0].project.status).toBe("Custom");
  const id = created.json.data[0].id;
  const updated = await post(server, "PUT", `/folders/${id}`, { project: { status: "Yellow" } });
  expect(updated.json.data[0].project.status).toBe("Yellow");
  const back = await post(server, "PUT", `/folders/${id}`, { project: { status: "Custom" } });
  expect(back.json.data[0].project.status).toBe("Custom");
  const refused = await post(server, "PUT", `/folders/${id}`, { project: { status: "Purple" } });
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.json)).toContain("project.status");
  expect(JSON.stringify(refused.json)).toContain("Custom");
});
