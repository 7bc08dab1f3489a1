import { describe, expect, it } from "vitest";
import type { TaskFilterArgs, TaskFilterCount, TaskFilterList } from "@wrikekit/client/v2";
import { folderAdd } from "../../src/engine/folders.js";
import { taskFilter } from "../../src/engine/task-filter.js";
import { taskAdd } from "../../src/engine/tasks.js";
import { loadState, saveState } from "../../src/index.js";
import { expectError, usersOnly, UID, type Fixture } from "./fixture.js";

/**
 * Today is Wednesday 2024-03-13 (T0): tomorrow00 is 03-14, and "this week" runs to 03-20 exclusive.
 * Tasks are authored by the caller unless noted.
 */
function world(): { f: Fixture; folder: number; otherFolder: number } {
  const f = usersOnly();
  const folder = folderAdd(f.state, f.me(), { title: "Work" }).body.id;
  const otherFolder = folderAdd(f.state, f.alexey(), { title: "Alexey only" }).body.id;
  const add = (args: Parameters<typeof taskAdd>[2], as = f.me()) => taskAdd(f.state, as, args);
  add({ title: "Alpha report", description: "quarterly numbers", startDate: "2024-03-13T09:00:00", dueDate: "2024-03-15T18:00:00", responsibleUsers: [UID.me], parents: [folder] });
  add({ title: "Beta milestone", importance: 0, dueDate: "2024-03-12T17:00:00", responsibleUsers: [UID.alexey] });
  add({ title: "Gamma backlog", description: "ideas, raw" });
  add({ title: "Delta done", status: 1, startDate: "2024-03-04T09:00:00", dueDate: "2024-03-08T18:00:00", parents: [folder] });
  add({ title: "Epsilon next days", startDate: "2024-03-15T09:00:00", dueDate: "2024-03-18T18:00:00" });
  add({ title: "Zeta due today", dueDate: "2024-03-13T16:00:00", parents: [folder] });
  add({ title: "Eta for me", responsibleUsers: [UID.me], dueDate: "2024-03-14T12:00:00" }, f.alexey());
  add({ title: "Theta shared", sharedUsers: [UID.me] }, f.alexey());
  add({ title: "Iota overdue low", importance: 2, dueDate: "2024-03-01T12:00:00" });
  add({ title: "Kappa deferred", status: 2, dueDate: "2024-03-01T12:00:00" });
  add({ title: "Lambda hidden", parents: [otherFolder] }, f.alexey());
  return { f, folder, otherFolder };
}

function titles(f: Fixture, args: TaskFilterArgs): string[] {
  return (taskFilter(f.state, f.me(), args).body as TaskFilterList).list.map((t) => t.title!);
}

const ALL = ["Alpha report", "Beta milestone", "Gamma backlog", "Delta done", "Epsilon next days", "Zeta due today", "Eta for me", "Theta shared", "Iota overdue low", "Kappa deferred"];

describe("wrike.task.filter arguments", () => {
  it("without arguments lists every task of the caller in creation order, with tLast", () => {
    const { f } = world();
    const result = taskFilter(f.state, f.me(), {});
    expect(result.root).toBe("filteredList");
    expect((result.body as TaskFilterList).list.map((t) => t.title)).toEqual(ALL);
    expect(result.body.tLast).toBe(f.now);
  });

  it("ids, title (case-insensitive part), description (regexp) and authors", () => {
    const { f } = world();
    const ids = (taskFilter(f.state, f.me(), {}).body as TaskFilterList).list.slice(0, 2).map((t) => t.id);
    expect(titles(f, { ids })).toEqual(["Alpha report", "Beta milestone"]);
    expect(titles(f, { title: "MILE" })).toEqual(["Beta milestone"]);
    expect(titles(f, { description: "^(quarterly|ideas)\\b" })).toEqual(["Alpha report", "Gamma backlog"]);
    expect(titles(f, { authors: [UID.alexey] })).toEqual(["Eta for me", "Theta shared"]);
  });

  it("parents: a folder, or 0 for the root; 406 for a folder outside the scope", () => {
    const { f, folder, otherFolder } = world();
    expect(titles(f, { parents: [folder] })).toEqual(["Alpha report", "Delta done", "Zeta due today"]);
    expect(titles(f, { parents: [0] })).toEqual(ALL.filter((t) => !["Alpha report", "Delta done", "Zeta due today"].includes(t)));
    expectError(() => taskFilter(f.state, f.me(), { parents: [otherFolder] }), 406, /parents: \d+/);
  });

  it("statuses", () => {
    const { f } = world();
    expect(titles(f, { statuses: [1, 2] })).toEqual(["Delta done", "Kappa deferred"]);
  });

  it("start date range: tasks without a start date only with includeNullStartDate", () => {
    const { f } = world();
    const range = { fromStartDate: "2024-03-13T00:00:00", toStartDate: "2024-03-15T09:00:00" } as const;
    expect(titles(f, range)).toEqual(["Alpha report", "Epsilon next days"]);
    expect(titles(f, { ...range, includeNullStartDate: true })).toHaveLength(ALL.length - 1);
    expect(titles(f, { includeNullStartDate: false })).toEqual(["Alpha report", "Delta done", "Epsilon next days"]);
    expect(titles(f, { toStartDate: new Date(Date.UTC(2024, 2, 10)) })).toEqual(["Delta done"]);
  });

  it("due date range and includeNullDueDate", () => {
    const { f } = world();
    expect(titles(f, { fromDueDate: "2024-03-13T00:00:00", toDueDate: "2024-03-14T23:59:59" })).toEqual(["Zeta due today", "Eta for me"]);
    expect(titles(f, { toDueDate: "2024-03-01T12:00:00", includeNullDueDate: true })).toEqual(["Gamma backlog", "Theta shared", "Iota overdue low", "Kappa deferred"]);
    expect(titles(f, { includeNullDueDate: false })).not.toContain("Gamma backlog");
    expectError(() => taskFilter(f.state, f.me(), { fromDueDate: "2024-13-01T00:00:00" }), 407, /fromDueDate/);
  });

  it("relationType: 0 author, 1 responsible, 2 shared by someone else", () => {
    const { f } = world();
    expect(titles(f, { relationType: [1] })).toEqual(["Alpha report", "Eta for me"]);
    expect(titles(f, { relationType: [2] })).toEqual(["Theta shared"]);
    expect(titles(f, { relationType: [0] })).toEqual(ALL.filter((t) => !["Eta for me", "Theta shared"].includes(t)));
  });

  it("orderBy applies its terms in turn; tasks without the value come last ascending and first descending", () => {
    const { f, folder } = world();
    expect(titles(f, { orderBy: ["title:desc"] })).toEqual([...ALL].sort().reverse());
    expect(titles(f, { orderBy: ["dueDate:asc"], statuses: [0], relationType: [0] })).toEqual([
      "Iota overdue low",
      "Beta milestone",
      "Zeta due today",
      "Alpha report",
      "Epsilon next days",
      "Gamma backlog",
    ]);
    expect(titles(f, { orderBy: ["startDate:desc", "title:asc"], parents: [folder] })).toEqual(["Zeta due today", "Alpha report", "Delta done"]);
    expect(titles(f, { orderBy: ["importance:asc", "title:desc"], relationType: [0], statuses: [0] }).slice(0, 2)).toEqual(["Beta milestone", "Zeta due today"]);
    expectError(() => taskFilter(f.state, f.me(), { orderBy: ["colour:asc"] }), 407, /orderBy: tasks cannot be ordered by "colour"/);
  });

  it("limit and offset page the ordered list; count=true counts every match", () => {
    const { f } = world();
    expect(titles(f, { offset: 2, limit: 3 })).toEqual(ALL.slice(2, 5));
    expect(titles(f, { offset: 9, limit: 5 })).toEqual(ALL.slice(9));
    const counted = taskFilter(f.state, f.me(), { count: true, limit: 1, statuses: [0] });
    expect(counted).toEqual({ root: "filteredListCount", body: { tLast: f.now, count: 8 } });
    expect((counted.body as TaskFilterCount).count).toBe(8);
    expectError(() => taskFilter(f.state, f.me(), { limit: -1 }), 407, /limit: must not be negative/);
    expectError(() => taskFilter(f.state, f.me(), { offset: -3 }), 407, /offset/);
  });

  it("a page in id order is the same slice of the matches as the fully sorted list, at every offset", () => {
    const { f } = world();
    const filters: TaskFilterArgs[] = [{ statuses: [0] }, { relationType: [0] }, { title: "a" }, {}];
    for (const filter of filters) {
      const every = titles(f, { ...filter, orderBy: ["id:asc"] });
      for (let offset = 0; offset <= every.length + 1; offset++) {
        for (const limit of [0, 1, 3, undefined]) {
          const expected = every.slice(offset, limit === undefined ? undefined : offset + limit);
          expect(titles(f, { ...filter, offset, limit })).toEqual(expected);
        }
      }
    }
  });

  it("pages in id order after a restored state whose tasks were saved in another order", () => {
    const { f } = world();
    const saved = JSON.parse(saveState(f.state));
    saved.tasks.reverse();
    f.state = loadState(JSON.stringify(saved));
    expect(titles(f, { limit: 4 })).toEqual(ALL.slice(0, 4));
    expect(titles(f, { offset: 8 })).toEqual(ALL.slice(8));
  });

  it("fields cuts every task down to id and the requested fields", () => {
    const { f } = world();
    const list = (taskFilter(f.state, f.me(), { fields: ["status", "dueDate"], limit: 2 }).body as TaskFilterList).list;
    expect(list.map((t) => Object.keys(t))).toEqual([["id", "status", "dueDate"], ["id", "status", "dueDate"]]);
    expectError(() => taskFilter(f.state, f.me(), { fields: ["nope"] }), 407, /fields/);
  });

  it("refuses a description that is not a regular expression (407)", () => {
    const { f } = world();
    expectError(() => taskFilter(f.state, f.me(), { description: "([" }), 407, /description: "\(\[" is not a valid regular expression/);
  });
});

describe("wrike.task.filter templates (rule taskFilterTemplates)", () => {
  it("completed: status 1, by due date and title", () => {
    const { f } = world();
    expect(titles(f, { template: "completed" })).toEqual(["Delta done"]);
  });

  it("overdue: active tasks due before today, by importance, due date and title", () => {
    const { f } = world();
    expect(titles(f, { template: "overdue" })).toEqual(["Beta milestone", "Iota overdue low"]);
  });

  it("today: started by tomorrow and not yet due, or due today without a start", () => {
    const { f } = world();
    expect(titles(f, { template: "today" })).toEqual(["Zeta due today", "Alpha report"]);
  });

  it("thisweek: starting from tomorrow within seven days, or due then without a start", () => {
    const { f } = world();
    expect(titles(f, { template: "thisweek" })).toEqual(["Epsilon next days"]);
    expect(titles(f, { template: "thisweek:resp" })).toEqual(["Eta for me"]);
  });

  it(":resp selects the tasks the caller is responsible for instead of those they wrote", () => {
    const { f } = world();
    expect(titles(f, { template: "today:resp" })).toEqual(["Alpha report"]);
    expect(titles(f, { template: "overdue:author" })).toEqual(["Beta milestone", "Iota overdue low"]);
  });

  it("combines with the filter arguments, and orderBy replaces the template's order", () => {
    const { f } = world();
    expect(titles(f, { template: "overdue", orderBy: ["title:desc"] })).toEqual(["Iota overdue low", "Beta milestone"]);
    expect(titles(f, { template: "overdue", title: "iota" })).toEqual(["Iota overdue low"]);
  });

  it("follows the clock: tomorrow, Zeta is overdue", () => {
    const { f } = world();
    f.advance(24 * 3_600_000);
    expect(titles(f, { template: "overdue" })).toEqual(["Beta milestone", "Zeta due today", "Iota overdue low"]);
  });
});
