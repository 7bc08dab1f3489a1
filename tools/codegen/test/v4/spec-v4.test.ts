import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, type Spec } from "../../src/spec/load.js";
import { buildIr } from "../../src/model.js";
import { envelopeVariantsOf } from "../../src/spec/references.js";
import { compareWithReference, type FactOperation } from "./compare-reference.js";

const root = join(import.meta.dirname, "../../../..");
// A copy of the fact file the spec was imported from, kept in the repository (tools/v4-import/reference).
const referenceFile = process.env.WRIKE_V4_FACTS ?? join(root, "tools/v4-import/reference/wrike-api-v4-operations-2025.json");
const facts = (JSON.parse(readFileSync(referenceFile, "utf8")) as { operations: FactOperation[] }).operations;
const spec = loadSpec(join(root, "spec/v4"), root);
const methods = (s: Spec) => s.groups.flatMap((g) => Object.entries(g.methods).map(([name, m]) => ({ group: g.group, name, m })));

describe("spec/v4", () => {
  it("types every webhook-creating events argument as a bracket list of the enum events.yaml's event types make", () => {
    const ir = buildIr(spec);
    const eventTypes = ir.enums.find((e) => e.name === spec.events!.typeEnum);
    expect(eventTypes?.values).toEqual(Object.keys(spec.events!.events).map((name) => [name, name]));
    const creators = ir.methods.filter((m) => m.group === "webhooks" && m.http.method === "POST");
    expect(creators.map((m) => m.id).sort()).toEqual(["POST /folders/{folderId}/webhooks", "POST /spaces/{spaceId}/webhooks", "POST /webhooks"]);
    for (const m of creators)
      expect(m.args.find((a) => a.name === "events"), m.id).toMatchObject({ type: { kind: "enum", name: "WebhookEventType", list: true }, encoding: "bracket" });
  });

  it("loads and validates: 199 reference operations plus the 7 webhook operations", () => {
    expect(methods(spec)).toHaveLength(206);
  });

  it("matches the 2025 reference: every operation, parameter and enum value, or a recorded quirk", () => {
    const result = compareWithReference(spec, facts);
    expect(result.differences).toEqual([]);
    expect(result.operationsCompared).toBe(199);
    expect(result.parametersCompared).toBe(facts.reduce((n, o) => n + o.params.length + o.pathParams.length, 0));
  });

  it("names every method once per group, resource style", () => {
    for (const { name } of methods(spec)) expect(name).toMatch(/^(list|get|create|update|delete|[a-z][A-Za-z]*)/);
    const ids = methods(spec).map(({ m }) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares scopes on every method and an assistant default set of a usable size", () => {
    for (const { m } of methods(spec)) expect(m.scopes?.length, m.id).toBeGreaterThan(0);
    const defaults = methods(spec).filter(({ m }) => m.assistant?.default);
    expect(defaults.length).toBeGreaterThanOrEqual(30);
    expect(defaults.length).toBeLessThanOrEqual(40);
  });

  it("ties fields arguments to selectable fields of the response model", () => {
    const get = spec.groups.find((g) => g.group === "tasks")!.methods.get!;
    expect(get.args.fields?.selects).toBe("Task");
    expect(spec.api.models.Task!.fields.description?.selectable).toBe(true);
  });
});

describe("spec/v4 examples and events", () => {
  const withExamples = methods(spec).filter(({ m }) => m.examples.length > 0);
  it("cover the main entities", () => {
    expect(withExamples.map(({ group }) => group)).toEqual(
      expect.arrayContaining(["tasks", "folders", "spaces", "comments", "contacts", "timelogs", "attachments", "customFields", "workflows", "account", "version"]),
    );
  });
  it("are envelopes of the method's kind whose items only use fields of its data model, one with a long-format id", () => {
    const ids: string[] = [];
    for (const { m } of withExamples)
      for (const ex of m.examples) {
        const doc = JSON.parse(ex.text) as { kind: string; data: Record<string, unknown>[] };
        // The answer of the example's kind (methods with response variants have several).
        const answer = envelopeVariantsOf(m.response)?.find((v) => v.kind === doc.kind);
        expect(answer, `${m.id}: an example of kind ${doc.kind}`).toBeDefined();
        const model = spec.api.models[answer!.data]!;
        for (const item of doc.data) {
          for (const key of Object.keys(item)) expect(model.fields, `${m.id} ${key}`).toHaveProperty(key);
          ids.push(String(item.id));
        }
      }
    expect(ids.some((id) => id.length > 40 && /^[A-Za-z0-9\-_:.=]+$/.test(id))).toBe(true);
  });
  it("give every date in the form of its field's date type", () => {
    const FORMS: Record<string, RegExp> = { utcTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, localDateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, date: /^\d{4}-\d{2}-\d{2}$/ };
    const wrong: string[] = [];
    const check = (modelName: string, item: Record<string, unknown>, where: string) => {
      for (const [key, value] of Object.entries(item)) {
        const type = spec.api.models[modelName]?.fields[key]?.type;
        if (type && FORMS[type] && !(typeof value === "string" && FORMS[type].test(value))) wrong.push(`${where}.${key} = ${JSON.stringify(value)} is no ${type}`);
        if (type && spec.api.models[type] && typeof value === "object" && value !== null) check(type, value as Record<string, unknown>, `${where}.${key}`);
      }
    };
    let dates = 0;
    for (const { m } of withExamples)
      for (const ex of m.examples) {
        const doc = JSON.parse(ex.text) as { kind: string; data: Record<string, unknown>[] };
        const model = envelopeVariantsOf(m.response)?.find((v) => v.kind === doc.kind)?.data ?? "";
        doc.data.forEach((item, i) => check(model, item, `${m.id} data[${i}]`));
        dates += (ex.text.match(/"\d{4}-\d{2}-\d{2}/g) ?? []).length;
      }
    expect(dates).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
  it("webhook events load with the common fields", () => {
    expect(Object.keys(spec.events!.commonFields)).toEqual(["webhookId", "eventAuthorId", "eventType", "lastUpdatedDate"]);
    expect(Object.keys(spec.events!.events)).toEqual(expect.arrayContaining(["TaskCreated", "CommentAdded", "AttachmentDeleted", "TimelogChanged", "ApprovalStatusChanged"]));
  });
});

describe("the spec-vs-reference comparison fails on a difference", () => {
  const mutated = (change: (s: Spec) => void): string[] => {
    const copy = structuredClone(spec);
    change(copy);
    return compareWithReference(copy, facts).differences;
  };
  const tasks = (s: Spec) => s.groups.find((g) => g.group === "tasks")!.methods;

  it("a wrong path", () => {
    expect(mutated((s) => void (tasks(s).list!.http.path = "/task"))).toEqual(["GET /tasks: the spec sends GET /task"]);
  });
  it("a missing operation", () => {
    expect(mutated((s) => void delete tasks(s).delete)).toEqual(["DELETE /tasks/{taskId}: operation missing from the spec"]);
  });
  it("a renamed wire name", () => {
    const d = mutated((s) => void (tasks(s).list!.args.sortField!.wireName = "sort"));
    expect(d).toContain("GET /tasks: parameter sortField is missing");
    expect(d).toContain("GET /tasks: argument sortField is not in the reference and no quirk names it");
  });
  it("a moved slot", () => {
    expect(mutated((s) => void (tasks(s).update!.args.title!.in = "query"))).toEqual(["PUT /tasks/{taskId}: parameter title travels in query, expected body"]);
  });
  it("a lost enum value", () => {
    const d = mutated((s) => void delete s.api.enums.TaskImportance!.values.Low);
    expect(d).toContain("GET /tasks: parameter importance has values [High, Normal], the reference [High, Low, Normal]");
  });
  it("a day typed as a timestamp", () => {
    expect(mutated((s) => void (s.groups.find((g) => g.group === "timelogs")!.methods.createInTask!.args.trackedDate!.type = "utcTimestamp"))).toEqual([
      "POST /tasks/{taskId}/timelogs: parameter trackedDate is a day (Format: yyyy-MM-dd), the spec types it utcTimestamp",
    ]);
  });
  it("an operation the reference lacks, without a quirk", () => {
    expect(mutated((s) => void (tasks(s).list!.id = "GET /tasks2"))).toEqual(
      expect.arrayContaining(["GET /tasks: operation missing from the spec", "GET /tasks2: not in the reference and no quirk says where it comes from"]),
    );
  });
});
