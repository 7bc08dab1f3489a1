/** Dependencies between two tasks the caller can see; no self-dependency, no duplicate pair. */
import { requireFullUser, visibleTask, type V4Call } from "./call.js";
import { invalidParameter, notFound, V4Error } from "./errors.js";
import { newId, type DependencyRecord } from "./state.js";

type Relation = DependencyRecord["relationType"];

/**
 * POST /tasks/{taskId}/dependencies: the other task is named by predecessorId or successorId ("only one of
 * predecessorId/successorId fields can be specified"), the task in the path is the other end. Both are taken
 * when one of them is the task in the path.
 */
export function createDependency(call: V4Call, args: { taskId: string; predecessorId?: string; successorId?: string; relationType: Relation; lagTime?: number }): DependencyRecord {
  requireFullUser(call, "add dependencies");
  const { state } = call;
  visibleTask(call, args.taskId);
  if (args.predecessorId === undefined && args.successorId === undefined) throw new V4Error(400, "parameter_required", "Missing required parameter: predecessorId or successorId");
  const predecessorId = args.predecessorId ?? args.taskId;
  const successorId = args.successorId ?? args.taskId;
  if (args.taskId !== predecessorId && args.taskId !== successorId) throw invalidParameter("successorId", "send only one of predecessorId and successorId: the task in the path is the other end");
  if (predecessorId === successorId) throw invalidParameter(args.predecessorId === undefined ? "successorId" : "predecessorId", "a task cannot depend on itself");
  const predecessor = visibleTask(call, predecessorId);
  const successor = visibleTask(call, successorId);
  for (const id of predecessor.dependencyIds) {
    const d = state.dependencies.get(id)!;
    if (d.predecessorId === predecessor.id && d.successorId === successor.id) throw invalidParameter("successorId", `task ${successor.id} already depends on ${predecessor.id} (dependency ${d.id})`);
  }
  const dependency: DependencyRecord = { id: newId(state, "dependency"), predecessorId: predecessor.id, successorId: successor.id, relationType: args.relationType, lagTime: args.lagTime };
  state.dependencies.set(dependency.id, dependency);
  predecessor.dependencyIds = [...predecessor.dependencyIds, dependency.id];
  successor.dependencyIds = [...successor.dependencyIds, dependency.id];
  return dependency;
}

export function visibleDependency(call: V4Call, id: string): DependencyRecord {
  const d = call.state.dependencies.get(id);
  const uid = call.caller.user.uid;
  if (d === undefined || !(call.state.tasks.get(d.predecessorId)?.sharedIds.includes(uid) ?? false)) throw notFound("Dependency", id);
  return d;
}

export function updateDependency(call: V4Call, args: { dependencyId: string; relationType: Relation; lagTime?: number }): DependencyRecord {
  requireFullUser(call, "change dependencies");
  const d = visibleDependency(call, args.dependencyId);
  d.relationType = args.relationType;
  if (args.lagTime !== undefined) d.lagTime = args.lagTime;
  return d;
}

export function deleteDependency(call: V4Call, id: string): DependencyRecord {
  requireFullUser(call, "delete dependencies");
  const d = visibleDependency(call, id);
  call.state.dependencies.delete(id);
  for (const taskId of [d.predecessorId, d.successorId]) {
    const t = call.state.tasks.get(taskId);
    if (t !== undefined) t.dependencyIds = t.dependencyIds.filter((x) => x !== id);
  }
  return d;
}

export function taskDependencies(call: V4Call, taskId: string): DependencyRecord[] {
  return visibleTask(call, taskId).dependencyIds.map((id) => call.state.dependencies.get(id)!);
}
