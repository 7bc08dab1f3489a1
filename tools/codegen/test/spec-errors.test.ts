import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, SpecError } from "../src/index.js";

const specRoot = join(import.meta.dirname, "../../../spec");
const realSpec = join(specRoot, "v2");

/**
 * Copies the real spec of an API (v2 unless the file names v4/...), applies one textual change to one file
 * (`find` undefined: replaces the whole file), and returns the SpecError it causes.
 */
function breakSpec(file: string, find: string | undefined, replace: string): SpecError {
  const [api, inApi] = file.startsWith("v4/") ? ["v4", file.slice(3)] : ["v2", file];
  const dir = mkdtempSync(join(tmpdir(), "wrikekit-spec-"));
  cpSync(join(specRoot, api), join(dir, "spec", api), { recursive: true });
  const path = join(dir, "spec", api, inApi);
  const text = readFileSync(path, "utf8");
  if (find !== undefined) expect(text).toContain(find);
  writeFileSync(path, find === undefined ? replace : text.replace(find, replace));
  try {
    loadSpec(join(dir, "spec", api), dir);
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error("the broken spec loaded without error");
}

describe("a broken spec fails with the file and the path of the mistake", () => {
  it("the real spec loads", () => {
    const spec = loadSpec(realSpec);
    expect(spec.groups.flatMap((g) => Object.values(g.methods)).length).toBe(24);
  });

  it("reports a wrong value with file, line and path", () => {
    const err = breakSpec("methods/task.yaml", "kind: write\n    args:\n      title:", "kind: writ\n    args:\n      title:");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: "spec/v2/methods/task.yaml", path: ["methods", "add", "kind"] });
    expect(err.message).toMatch(/spec\/v2\/methods\/task\.yaml:\d+ {2}at methods\.add\.kind: Invalid option/);
  });

  it("reports an unknown key at the key itself", () => {
    const err = breakSpec("methods/comment.yaml", "taskId: { type: id, required: true, description: Task id. }", "taskId: { type: id, requried: true }");
    expect(err.message).toContain('at methods.add.args.taskId.requried: unknown key "requried": remove it or correct its spelling');
  });

  it("reports an unknown type name", () => {
    const err = breakSpec("api.yaml", "status: { type: TaskStatus,", "status: { type: TaskStatos,");
    expect(err.message).toMatch(/spec\/v2\/api\.yaml:\d+ {2}at models\.Task\.fields\.status\.type: unknown type "TaskStatos"/);
  });

  it("reports an error code the API does not define", () => {
    const err = breakSpec("methods/timelog.yaml", "errors: [402, 403, 406, 407]", "errors: [402, 403, 404, 406, 407]");
    expect(err.problems[0]).toMatchObject({ file: "spec/v2/methods/timelog.yaml", path: ["methods", "list", "errors", 2] });
    expect(err.problems[0]!.message).toBe("error code 404 is not in api.yaml errors.codes");
  });

  it("reports a minimum or maximum on an argument that is not a number, and a minimum above the maximum", () => {
    const onText = breakSpec("v4/methods/tasks.yaml", "      title:\n        type: string\n", "      title:\n        type: string\n        maximum: 10\n");
    expect(onText.message).toContain("args.title.maximum: maximum applies to number arguments (integer, long, double) only");
    const inverted = breakSpec("v4/methods/requestForms.yaml", "        minimum: 1\n        maximum: 100\n", "        minimum: 200\n        maximum: 100\n");
    expect(inverted.message).toContain("args.pageSize.minimum: minimum is above maximum");
  });

  it("reports a list argument without an encoding", () => {
    const err = breakSpec("methods/folder.yaml", 'ids: { type: "id[]", required: true, encoding: comma,', 'ids: { type: "id[]", required: true,');
    expect(err.message).toContain("at methods.delete.args.ids: a list argument needs an encoding");
  });

  it("reports an invalidation of a method that is not a read", () => {
    const err = breakSpec("methods/timelog.yaml", "invalidates: [wrike.timelog.list]", "invalidates: [wrike.timelog.add]");
    expect(err.message).toContain('"wrike.timelog.add" is not a read');
  });

  it("reports a repair that no longer matches its example", () => {
    const err = breakSpec("methods/folder.yaml", `find: '"test description,'`, `find: '"test descriptio,'`);
    expect(err.message).toContain("at methods.add.examples[0].repairs[0].find: this text does not occur in the example");
  });

  it("reports a YAML syntax error once, with its line", () => {
    const err = breakSpec("methods/profile.yaml", "group: profile", "group: [profile");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.file).toBe("spec/v2/methods/profile.yaml");
    expect(err.problems[0]!.line).toBeGreaterThan(0);
  });

  it("reports an empty file with what it needs", () => {
    const err = breakSpec("methods/profile.yaml", undefined, "# nothing here yet\n");
    expect(err.problems).toEqual([{ file: "spec/v2/methods/profile.yaml", path: [], line: 1, message: "the file is empty; it needs group: and methods:" }]);
  });

  it("says which method first has a duplicate id", () => {
    const err = breakSpec("v4/methods/comments.yaml", "id: GET /comments/{commentIds}", "id: GET /tasks/{taskId}/comments");
    expect(err.message).toMatch(/at methods\.get\.id: method id "GET \/tasks\/\{taskId\}\/comments" is defined twice \(first spec\/v4\/methods\/comments\.yaml:\d+ at methods\.listInTask\.id\)/);
  });

  it("reports a rest method whose id is not its HTTP method and path", () => {
    const err = breakSpec("v4/methods/comments.yaml", "      path: /tasks/{taskId}/comments\n    kind: read", "      path: /tasks/{taskId}/comment\n    kind: read");
    expect(err.message).toContain('at methods.listInTask.id: a rest method\'s id is its HTTP method and path: "GET /tasks/{taskId}/comment"');
  });
});

describe("names that every JavaScript object has are refused, not lost or misread", () => {
  it("reports a __proto__ key (validation would drop it silently)", () => {
    const err = breakSpec("v4/api.yaml", "  Comment:\n    fields:\n", "  Comment:\n    fields:\n      __proto__:\n        type: json\n");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: "spec/v4/api.yaml", path: ["models", "Comment", "fields", "__proto__"] });
    expect(err.problems[0]!.message).toContain("choose another name");
  });

  it("reports a method named constructor with the rule, not just an invalid key", () => {
    const err = breakSpec("v4/methods/comments.yaml", "  listInTask:\n", "  constructor:\n");
    expect(err.message).toContain('at methods.constructor: "constructor" is a property of every JavaScript object: choose another name');
  });

  it("does not take toString for a model", () => {
    const err = breakSpec("v4/api.yaml", "      externalRequester:\n        type: json\n", "      externalRequester:\n        type: toString\n");
    expect(err.message).toContain('at models.Comment.fields.externalRequester.type: unknown type "toString"');
  });
});

describe("mistakes the generator used to accept or crash on", () => {
  it("reports an enum value given twice", () => {
    const err = breakSpec("v4/api.yaml", "      Deferred: Deferred\n", "      Deferred: Active\n");
    expect(err.message).toContain('at enums.TaskStatus.values.Deferred: "Active" is already the value of Active');
  });

  it("reports an enum value of the wrong type", () => {
    const err = breakSpec("api.yaml", "values: { high: 0, normal: 1, low: 2 }", 'values: { high: 0, normal: "1", low: 2 }');
    expect(err.message).toContain('at enums.TaskImportance.values.normal: the enum is type: integer, so "1" must be an integer');
  });

  it("reports a selectable field that is also required", () => {
    const err = breakSpec("v4/api.yaml", "      type:\n        type: string\n        selectable: true", "      type:\n        type: string\n        required: true\n        selectable: true");
    expect(err.message).toContain("at models.Comment.fields.type.required: a selectable field is sent only when a fields argument asks for it");
  });

  it("tells a fields value naming no field from one naming a field that is not selectable", () => {
    const err = breakSpec("v4/api.yaml", "    values:\n      type: type\n", "    values:\n      type: type\n      bogus: bogus\n");
    expect(err.message).toContain('at methods.list.args.fields.selects: "bogus" is not a field of Comment: add the field to Comment or remove the value from CommentField');
  });

  it("reports a path argument that is not required", () => {
    const err = breakSpec("v4/methods/comments.yaml", "      taskId:\n        type: opaqueId\n        required: true\n        in: path\n      plainText:", "      taskId:\n        type: opaqueId\n        in: path\n      plainText:");
    expect(err.message).toContain("at methods.listInTask.args.taskId.in: a path argument is part of the URL: give it required: true");
  });

  it("reports two arguments with the same wire name in the same place", () => {
    const err = breakSpec("v4/methods/comments.yaml", '      plainText:\n        type: boolean\n        in: query\n        description: "Get comment text as plain text, HTML otherwise (default: false)"\n      types:', "      plainText:\n        type: boolean\n        in: query\n        wireName: types\n      types:");
    expect(err.message).toContain('at methods.list.args.types: "types" and "plainText" both travel as query types');
  });

  it("reports a default of the wrong type", () => {
    const err = breakSpec("methods/folder.yaml", "includeChilds: { type: boolean, default: true,", "includeChilds: { type: boolean, default: yes,");
    expect(err.message).toContain('at methods.tree.args.includeChilds.default: default "yes" is not a boolean (true or false)');
  });

  it("reports a model that contains itself (the MCP JSON Schemas crashed on it)", () => {
    const err = breakSpec("v4/api.yaml", "      end:\n        type: localDateTime\n        description: Range end\n", "      end:\n        type: localDateTime\n        description: Range end\n      next:\n        type: DateTimeRange[]\n");
    expect(err.message).toMatch(/api\.yaml:\d+ {2}at models\.DateTimeRange\.fields\.next\.type: DateTimeRange contains itself \(DateTimeRange\.next -> DateTimeRange\)/);
  });

  it("reports a JSON example that does not parse once repaired (the MSW emitter crashed on it)", () => {
    const err = breakSpec("methods/folder.yaml", `find: '"test description,'`, `find: '"test description'`);
    expect(err.message).toMatch(/at methods\.add\.examples\[0\]\.text: the example is not JSON once repaired/);
  });

  it("reports an example whose items have fields the data model does not", () => {
    const err = breakSpec("v4/methods/comments.yaml", '"authorId": "KUAAAAAB"', '"authorID": "KUAAAAAB"');
    expect(err.message).toContain('at methods.listInTask.examples[0].text: the example\'s data items have "authorID", not fields of Comment');
  });

  it("reports a model named like a type the generated code uses (a model Date would type every date argument)", () => {
    const err = breakSpec("v4/api.yaml", "  Comment:\n    fields:\n", "  Date:\n    fields:\n      day:\n        type: string\n  Comment:\n    fields:\n");
    expect(err.message).toContain("at models.Date: Date is a type the generated code already uses: choose another name");
  });

  it("reports an events.yaml typeEnum named like an enum of api.yaml, at the typeEnum", () => {
    const err = breakSpec("v4/events.yaml", "typeEnum: WebhookEventType", "typeEnum: WebhookStatus");
    expect(err.problems).toContainEqual(expect.objectContaining({ file: "spec/v4/events.yaml", path: ["typeEnum"], message: expect.stringContaining("WebhookStatus is already an enum") }));
  });

  it("reports an argument naming the event types' enum when events.yaml declares none", () => {
    const err = breakSpec("v4/events.yaml", "typeEnum: WebhookEventType\n", "");
    expect(err.message).toContain('at methods.createInFolder.args.events.type: unknown type "WebhookEventType"');
  });

  it("reports a name that is both an enum and a model", () => {
    const err = breakSpec("api.yaml", "  TaskImportance:\n    type: integer", "  Task:\n    type: integer");
    expect(err.message).toContain("at enums.Task: Task is also a model: rename the enum or the model");
  });

  it("reports a model named like an envelope the generator writes (generation threw a bare Error)", () => {
    const err = breakSpec("v4/api.yaml", "  Comment:\n    fields:\n", "  CommentEnvelope:\n    fields:\n      day:\n        type: string\n  Comment:\n    fields:\n");
    expect(err.problems.filter((p) => p.path.join(".") === "models.CommentEnvelope")).toHaveLength(1);
    expect(err.message).toMatch(/at models\.CommentEnvelope: the generator writes a model CommentEnvelope for the envelope of \{kind, data\} answers \(spec\/v4\/methods\/comments\.yaml:\d+ at methods\.list\.response\)/);
  });

  it("reports example arguments the method does not have", () => {
    const err = breakSpec("v4/methods/comments.yaml", "        args:\n          taskId: IEAGKVLFKQ7WMVOE", "        args:\n          taskid: IEAGKVLFKQ7WMVOE");
    expect(err.message).toContain('at methods.listInTask.examples[0].args.taskid: "taskid" is not an argument of the method');
  });
});
