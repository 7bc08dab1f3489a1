/** Reading a request's wire parameters (servers and mocks): the form body, then the query, then path parameters. */
import { describe, expect, it } from "vitest";
import { readRequestParams, readWireParams, requestVerb } from "../src/server/index.js";

const form = (url: string, body: string) => new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

describe("readRequestParams", () => {
  it("takes the body's parameters, then the query's the body does not repeat", async () => {
    const { params, formPairs } = await readRequestParams(form("https://h.example/m?id=9&fields=a&x=1", "id=1&title=A%20B&id=2"));
    expect([...params]).toEqual([["id", "1"], ["title", "A B"], ["id", "2"], ["fields", "a"], ["x", "1"]]);
    expect(formPairs).toEqual([["id", "1"], ["title", "A B"], ["id", "2"]]);
  });

  it("reads a request without a query, and a GET's query alone", async () => {
    expect([...(await readRequestParams(form("https://h.example/m", "id=1"))).params]).toEqual([["id", "1"]]);
    expect([...(await readRequestParams(new Request("https://h.example/m?a=1&a=2"))).params]).toEqual([["a", "1"], ["a", "2"]]);
  });

  it("reads a copy unless told to consume the body", async () => {
    const kept = form("https://h.example/m", "id=1");
    await readRequestParams(kept);
    expect(await kept.text()).toBe("id=1");
    const consumed = form("https://h.example/m", "id=1");
    await readRequestParams(consumed, true);
    expect(consumed.bodyUsed).toBe(true);
  });
});

describe("readWireParams", () => {
  it("lets path parameters win over body and query, skipping the route's own", async () => {
    const params = await readWireParams(form("https://h.example/m?taskId=q", "taskId=b&title=t"), { taskId: "p", format: "json" }, new Set(["format"]));
    expect([...params]).toEqual([["title", "t"], ["taskId", "p"]]);
  });
});

describe("requestVerb", () => {
  it("is the request's method, or on a GET the verb ?method= names, upper-cased", () => {
    const verbOf = (url: string, method = "GET") => requestVerb(new Request(`https://www.wrike.com/api/v4${url}`, { method }));
    expect(verbOf("/tasks/A")).toBe("GET");
    expect(verbOf("/tasks/A?method=delete")).toBe("DELETE");
    expect(verbOf("/tasks/A?fields=[]&method=PUT")).toBe("PUT");
    // Only a GET is overridden, and only by the parameter itself.
    expect(verbOf("/tasks/A?method=DELETE", "POST")).toBe("POST");
    expect(verbOf("/tasks/A?submethod=DELETE")).toBe("GET");
    expect(verbOf("/tasks/A", "patch")).toBe("PATCH");
  });
});
