import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIr, loadSpec, runEmitters, wrikeV4, type Ir } from "../src/index.js";
import { mcpToolsEmitter, toolName } from "../src/emitters/mcp-tools.js";
import { modelSchemasFor, SchemaRef, withoutValueList } from "../src/emitters/shared/json-schema.js";

const root = join(import.meta.dirname, "../../..");
const fixture = buildIr(loadSpec(join(import.meta.dirname, "fixtures/v4")));
const target = { ...wrikeV4, specDir: "tools/codegen/test/fixtures/v4", emitters: [mcpToolsEmitter] };

describe("mcp-tools emitter", () => {
  it("output on the v4 fixture is stable", async () => {
    const [file] = runEmitters(fixture, target);
    expect(file!.path).toBe("packages/mcp/src/v4/generated/tools.ts");
    await expect(file!.text).toMatchFileSnapshot("__snapshots__/v4/mcp-tools.ts.snap");
  });

  it("names every v4 operation uniquely, in the length MCP clients take", () => {
    const v4 = buildIr(loadSpec(join(root, "spec/v4"), root));
    const names = v4.methods.map(toolName);
    expect(names).toHaveLength(206);
    expect(new Set(names).size).toBe(206);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,64}$/);
    expect(names).toContain("tasks_create_in_folder");
  });

  it("drops an enum's value list from a description only where it repeats the values", () => {
    expect(withoutValueList("Importance filter * `High` * `Low` * `Normal`")).toBe("Importance filter");
    expect(withoutValueList("Billing * `Billable` - Billable * `NonBillable` - Non-Billable")).toBe("Billing");
    expect(withoutValueList("Size * `w44` - Width = 44, height = auto * `h400` - Width = auto, height = 400")).toBe("Size * `w44` - Width = 44, height = auto * `h400` - Width = auto, height = 400");
    expect(withoutValueList("* `A`")).toBeUndefined();
  });

  it("drops enum items that say their value again with a few filler words, and keeps those that explain it", () => {
    expect(withoutValueList("Sort order * `Asc` - Ascending sort order * `Desc` - Descending sort order")).toBe("Sort order");
    expect(withoutValueList("Sort field * `StartFinishInterval` - Sort by start-finish interval * `Title` - Lexicographic sorting by title")).toBe("Sort field");
    const explained = "Contact type * `Group` - Group of users, usable in sharing requests only * `Robot` - Robot user for automated operations";
    expect(withoutValueList(explained)).toBe(explained);
    expect(withoutValueList("Type * `Numeric` - Comparable field")).toBe("Type * `Numeric` - Comparable field");
  });

  it("describes the page cursor as the runtime takes it, not as the API's token", () => {
    const [file] = runEmitters(fixture, target);
    expect(file!.text).toContain(`"nextPageToken": { "type": "string", "description": "The nextPageToken of the previous answer, for the next page; the other arguments unchanged." }`);
  });

  it("refuses a model that refers to itself, naming the path", () => {
    const looped: Ir = structuredClone(fixture);
    looped.models.find((m) => m.name === "Task")!.fields.push({ name: "parent", type: { kind: "model", name: "Task", list: false }, xmlItem: "task", required: false });
    expect(() => modelSchemasFor(looped, [new SchemaRef("Task", "output")])).toThrow("model Task refers to itself (taskOutputSchema -> taskOutputSchema)");
  });
});
