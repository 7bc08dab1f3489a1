/** Workflows and their custom statuses: each custom status stands for one task status (its group). */
import type { CustomStatus } from "@wrikekit/client";
import { requireAdmin, type V4Call } from "./call.js";
import { invalidParameter, notFound } from "./errors.js";
import { newId, type CustomStatusRecord, type TaskStatus, type V4State, type WorkflowRecord } from "./state.js";
import { workflowView } from "./view.js";

const STATUS_GROUPS: readonly TaskStatus[] = ["Active", "Completed", "Deferred", "Cancelled"];

export function defaultWorkflow(state: V4State): WorkflowRecord {
  return state.workflows.values().next().value!;
}

export function findCustomStatus(state: V4State, id: string): CustomStatusRecord | undefined {
  for (const w of state.workflows.values()) for (const s of w.customStatuses) if (s.id === id) return s;
  return undefined;
}

/** The custom status a task status maps to: the workflow's first (visible) status of that group. */
export function customStatusFor(state: V4State, status: TaskStatus): CustomStatusRecord {
  const statuses = defaultWorkflow(state).customStatuses;
  return statuses.find((s) => s.group === status && !s.hidden) ?? statuses.find((s) => s.group === status)!;
}

/** Resolves a status and/or custom status given together: they must agree. */
export function resolveStatus(state: V4State, status: TaskStatus | undefined, customStatusId: string | undefined): { status: TaskStatus; customStatusId: string } | undefined {
  if (customStatusId !== undefined) {
    const custom = findCustomStatus(state, customStatusId);
    if (custom === undefined) throw invalidParameter("customStatus", `no custom status has the id ${JSON.stringify(customStatusId)}`);
    if (status !== undefined && status !== custom.group) throw invalidParameter("status", `${status} contradicts customStatus ${customStatusId}, which is ${custom.group}`);
    return { status: custom.group, customStatusId: custom.id };
  }
  return status === undefined ? undefined : { status, customStatusId: customStatusFor(state, status).id };
}

export function newWorkflow(state: V4State, name: string, description: string, standard: boolean, statuses: Array<[string, TaskStatus, string]>): WorkflowRecord {
  const workflow: WorkflowRecord = {
    id: newId(state, "workflow"),
    name,
    description,
    standard,
    hidden: false,
    customStatuses: statuses.map(([statusName, group, color]) => ({ id: newId(state, "customStatus"), name: statusName, group, color, standard, hidden: false })),
  };
  state.workflows.set(workflow.id, workflow);
  return workflow;
}

export function workflowsList(call: V4Call) {
  return [...call.state.workflows.values()].map((w) => workflowView(call, w));
}

export function workflowsCreate(call: V4Call, args: { name: string; description?: string }) {
  requireAdmin(call, "create workflows");
  const workflow = newWorkflow(call.state, args.name, args.description ?? "", false, [
    ["New", "Active", "Blue"],
    ["Completed", "Completed", "Green"],
    ["On Hold", "Deferred", "Gray"],
    ["Cancelled", "Cancelled", "Gray"],
  ]);
  return [workflowView(call, workflow)];
}

type CustomStatusInput = CustomStatus;

export function workflowsUpdate(call: V4Call, args: { workflowId: string; name?: string; description?: string; hidden?: boolean; customStatus?: CustomStatusInput }) {
  requireAdmin(call, "change workflows");
  const workflow = call.state.workflows.get(args.workflowId);
  if (workflow === undefined) throw notFound("Workflow", args.workflowId);
  if (args.name !== undefined) workflow.name = args.name;
  if (args.description !== undefined) workflow.description = args.description;
  if (args.hidden !== undefined) workflow.hidden = args.hidden;
  const input = args.customStatus;
  if (input !== undefined) {
    if (input.group !== undefined && !STATUS_GROUPS.includes(input.group as TaskStatus)) throw invalidParameter("customStatus.group", `expected one of ${STATUS_GROUPS.join(", ")}`);
    if (input.id !== undefined) {
      const existing = workflow.customStatuses.find((s) => s.id === input.id);
      if (existing === undefined) throw invalidParameter("customStatus.id", `workflow ${workflow.id} has no custom status ${JSON.stringify(input.id)}`);
      if (input.name !== undefined) existing.name = input.name;
      if (input.color !== undefined) existing.color = input.color;
      if (input.hidden !== undefined) existing.hidden = input.hidden;
      if (input.group !== undefined && input.group !== existing.group) throw invalidParameter("customStatus.group", "the group of an existing custom status cannot change");
    } else {
      if (input.name === undefined || input.group === undefined) throw invalidParameter("customStatus", "a new custom status needs name and group");
      workflow.customStatuses.push({ id: newId(call.state, "customStatus"), name: input.name, group: input.group as TaskStatus, color: input.color ?? "Blue", standard: false, hidden: input.hidden ?? false });
    }
  }
  return [workflowView(call, workflow)];
}
