import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, SpecError } from "../src/index.js";

const realSpec = join(import.meta.dirname, "../../../spec/v2");

/** Copies the real spec, applies one textual change to one file, and returns the SpecError it causes. */
function breakSpec(file: string, find: string, replace: string): SpecError {
  const dir = mkdtempSync(join(tmpdir(), "wrikekit-spec-"));
  cpSync(realSpec, join(dir, "spec", "v2"), { recursive: true });
  const path = join(dir, "spec", "v2", file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(find);
  writeFileSync(path, text.replace(find, replace));
  try {
    loadSpec(join(dir, "spec", "v2"), dir);
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

  it("reports an unknown key", () => {
    const err = breakSpec("methods/comment.yaml", "taskId: { type: id, required: true, description: Task id. }", "taskId: { type: id, requried: true }");
    expect(err.message).toContain("at methods.add.args.taskId: Unrecognized key: \"requried\"");
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
});
