/**
 * What a plain HTTP client sends, as Wrike takes it: bodies form-encoded or JSON (a client that puts every
 * argument in the query still sends `{}` as application/json), an empty body of any type, and a refusal
 * in the v4 envelope for a body that is malformed or too large.
 */
import { describe, expect, it } from "vitest";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { MAX_ARGUMENTS_BODY_BYTES } from "../../src/v4/http/handler.js";
import { newEmulator, spaceId } from "./harness.js";

async function setup() {
  const world = newEmulator();
  const folderId = await spaceId(world.owner);
  const post = async (path: string, body: BodyInit | undefined, contentType?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${SEED_CREDENTIALS.permanentToken}` };
    if (contentType !== undefined) headers["content-type"] = contentType;
    const response = await world.emulator.handle(new Request(`http://localhost/api/v4${path}`, { method: "POST", headers, ...(body === undefined ? {} : { body }) }));
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  return { ...world, folderId, post };
}

describe("v4 request bodies", () => {
  it("takes a JSON object body, structured values as JSON values", async () => {
    const { post, folderId } = await setup();
    const answer = await post(`/folders/${folderId}/tasks`, JSON.stringify({ title: "From JSON", importance: "High", dates: { start: "2026-12-01", due: "2026-12-03" } }), "application/json; charset=UTF-8");
    expect(answer.status).toBe(200);
    expect(answer.body.data[0]).toMatchObject({ title: "From JSON", importance: "High", dates: { type: "Planned", start: "2026-12-01T09:00:00", due: "2026-12-03T17:00:00" } });
  });

  it("takes the arguments from the query when the JSON body is {} or any body is empty", async () => {
    const { post, folderId } = await setup();
    expect((await post(`/folders/${folderId}/tasks?title=Query%20JSON`, "{}", "application/json")).body.data[0].title).toBe("Query JSON");
    expect((await post(`/folders/${folderId}/tasks?title=Query%20text`, "", "text/plain")).body.data[0].title).toBe("Query text");
  });

  it("refuses malformed JSON, a JSON body that is not an object, and other media types with invalid_request", async () => {
    const { post, folderId } = await setup();
    for (const [body, type] of [["{title:", "application/json"], ['["title"]', "application/json"], ["title", "text/plain"]] as const) {
      const answer = await post(`/folders/${folderId}/tasks`, body, type);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_request");
      expect(answer.body.errorDescription).toMatch(/JSON|form-encoded/);
    }
  });

  it("still names the argument a JSON body gets wrong", async () => {
    const { post, folderId } = await setup();
    const answer = await post(`/folders/${folderId}/tasks`, JSON.stringify({ title: "x", importance: "Urgent" }), "application/json");
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_parameter" } });
    expect(answer.body.errorDescription).toContain("importance");
  });

  it("answers 413 in the v4 envelope for a body over the cap, by Content-Length or while reading, and creates nothing", async () => {
    const { post, folderId, emulator } = await setup();
    const before = emulator.v4.tasks.size;
    const big = `title=${"x".repeat(MAX_ARGUMENTS_BODY_BYTES)}`;
    const answer = await post(`/folders/${folderId}/tasks`, big, "application/x-www-form-urlencoded");
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: "invalid_request" });
    expect(answer.body.errorDescription).toContain(String(MAX_ARGUMENTS_BODY_BYTES));
    // A stream of unknown length is cut off once it passes the cap.
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(sent === 0 ? new TextEncoder().encode("title=") : chunk);
        if (++sent > 12) controller.close();
      },
    });
    const streamed = await emulator.handle(
      new Request(`http://localhost/api/v4/folders/${folderId}/tasks`, { method: "POST", body: stream, duplex: "half", headers: { authorization: `Bearer ${SEED_CREDENTIALS.permanentToken}`, "content-type": "application/x-www-form-urlencoded" } } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(13);
    expect(emulator.v4.tasks.size).toBe(before);
  });
});

describe("v4 tokens", () => {
  it("reads the token from the Authorization header only, and says so (without echoing it) when it came in the query", async () => {
    const { emulator } = newEmulator();
    const response = await emulator.handle(new Request(`http://localhost/api/v4/tasks?access_token=${SEED_CREDENTIALS.permanentToken}`));
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error).toBe("not_authorized");
    expect(body.errorDescription).toContain("access_token query parameter is not read");
    expect(JSON.stringify(body)).not.toContain(SEED_CREDENTIALS.permanentToken);
  });
});

describe("GET /ids", () => {
  it("needs the type and the ids to convert (a call without them is no conversion)", async () => {
    const { owner } = newEmulator();
    for (const [params, missing] of [[{}, "type, ids"], [{ type: "ApiV2Task" }, "ids"], [{ ids: ["1"] }, "type"]] as const) {
      const answer = await owner.call("GET", "/ids", params);
      expect([answer.status, answer.body.error, answer.body.errorDescription]).toEqual([400, "parameter_required", `Missing required parameter: ${missing}`]);
    }
  });
});
