/**
 * Approvals on a task or folder: approvers decide; with autoFinishOnApprove the approval is Approved
 * once every approver approved, with autoFinishOnReject it is Rejected at the first rejection.
 * Cancelling (DELETE) ends a pending approval.
 */
import { callerId, requireFullUser, visibleFolder, visibleTask, type V4Call } from "./call.js";
import { invalidParameter, notAllowed, notFound } from "./errors.js";
import { newId, type ApprovalRecord } from "./state.js";
import { parseDay } from "./time.js";
import { requireUsers, union } from "./values.js";

/** autoFinish flags travel as text ("true"/"false") in the spec. */
function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value !== "true" && value !== "false") throw invalidParameter(name, `expected true or false, got ${JSON.stringify(value)}`);
  return value === "true";
}

export interface ApprovalCreateArgs {
  taskId?: string;
  folderId?: string;
  description?: string;
  dueDate?: string;
  approvers?: string[];
  attachments?: string[];
  autoFinishOnApprove?: string;
  autoFinishOnReject?: string;
}

export function createApproval(call: V4Call, args: ApprovalCreateArgs): ApprovalRecord {
  requireFullUser(call, "start approvals");
  const { state } = call;
  if (args.taskId !== undefined) visibleTask(call, args.taskId);
  if (args.folderId !== undefined) visibleFolder(call, args.folderId);
  if (args.dueDate !== undefined) parseDay(args.dueDate, "dueDate");
  const approvers = requireUsers(state, args.approvers, "approvers");
  if (approvers.length === 0) throw invalidParameter("approvers", "an approval needs at least one approver");
  for (const id of args.attachments ?? []) if (!state.attachments.has(id)) throw invalidParameter("attachments", `no attachment has the id ${JSON.stringify(id)}`);
  const approval: ApprovalRecord = {
    id: newId(state, "approval"),
    authorId: callerId(call),
    description: args.description ?? "",
    dueDate: args.dueDate,
    taskId: args.taskId,
    folderId: args.folderId,
    decisions: approvers.map((approverId) => ({ approverId, status: "Pending", comment: "", updatedAt: call.at })),
    attachmentIds: [...(args.attachments ?? [])],
    autoFinishOnApprove: flag(args.autoFinishOnApprove, "autoFinishOnApprove", true),
    autoFinishOnReject: flag(args.autoFinishOnReject, "autoFinishOnReject", true),
    status: "Pending",
    finisherId: undefined,
    updatedAt: call.at,
  };
  state.approvals.set(approval.id, approval);
  return approval;
}

function canSee(call: V4Call, a: ApprovalRecord): boolean {
  const uid = callerId(call);
  if (a.decisions.some((d) => d.approverId === uid) || a.authorId === uid) return true;
  if (a.taskId !== undefined) return call.state.tasks.get(a.taskId)?.sharedIds.includes(uid) ?? false;
  return a.folderId !== undefined && (call.state.folders.get(a.folderId)?.sharedIds.includes(uid) ?? false);
}

export function visibleApproval(call: V4Call, id: string): ApprovalRecord {
  const a = call.state.approvals.get(id);
  if (a === undefined || !canSee(call, a)) throw notFound("Approval", id);
  return a;
}

export interface ApprovalUpdateArgs {
  approvalId: string;
  description?: string;
  dueDate?: string;
  addApprovers?: string[];
  removeApprovers?: string[];
  addAttachments?: string[];
  removeAttachments?: string[];
  autoFinishOnApprove?: string;
  autoFinishOnReject?: string;
}

export function updateApproval(call: V4Call, args: ApprovalUpdateArgs): ApprovalRecord {
  const a = visibleApproval(call, args.approvalId);
  if (a.status !== "Pending") throw notAllowed(`Approval ${a.id} is ${a.status}; only a pending approval can change`);
  if (a.authorId !== callerId(call)) throw notAllowed("Only the author of an approval can change it");
  if (args.description !== undefined) a.description = args.description;
  if (args.dueDate !== undefined) a.dueDate = parseDay(args.dueDate, "dueDate");
  const approvers = union(a.decisions.map((d) => d.approverId), requireUsers(call.state, args.addApprovers, "addApprovers"), args.removeApprovers);
  if (approvers.length === 0) throw invalidParameter("removeApprovers", "an approval needs at least one approver");
  a.decisions = approvers.map((id) => a.decisions.find((d) => d.approverId === id) ?? { approverId: id, status: "Pending", comment: "", updatedAt: call.at });
  a.attachmentIds = union(a.attachmentIds, args.addAttachments, args.removeAttachments);
  a.autoFinishOnApprove = flag(args.autoFinishOnApprove, "autoFinishOnApprove", a.autoFinishOnApprove);
  a.autoFinishOnReject = flag(args.autoFinishOnReject, "autoFinishOnReject", a.autoFinishOnReject);
  a.updatedAt = call.at;
  return a;
}

export function cancelApproval(call: V4Call, id: string): ApprovalRecord {
  const a = visibleApproval(call, id);
  if (a.authorId !== callerId(call)) throw notAllowed("Only the author of an approval can cancel it");
  if (a.status !== "Pending") throw notAllowed(`Approval ${a.id} is already ${a.status}`);
  a.status = "Cancelled";
  a.finisherId = callerId(call);
  a.updatedAt = call.at;
  return a;
}

/** An approver's decision (the emulator's control route; v4 decides in the web app). */
export function decide(call: V4Call, id: string, status: "Approved" | "Rejected", comment = ""): ApprovalRecord {
  const a = visibleApproval(call, id);
  const decision = a.decisions.find((d) => d.approverId === callerId(call));
  if (decision === undefined) throw notAllowed("Only an approver can decide");
  decision.status = status;
  decision.comment = comment;
  decision.updatedAt = call.at;
  if (status === "Rejected" && a.autoFinishOnReject) a.status = "Rejected";
  else if (a.autoFinishOnApprove && a.decisions.every((d) => d.status === "Approved")) a.status = "Approved";
  if (a.status !== "Pending") a.finisherId = callerId(call);
  a.updatedAt = call.at;
  return a;
}

export function listApprovals(call: V4Call, args: { taskId?: string; folderId?: string; statuses?: string; approvers?: string[]; pendingApprovers?: string[] }): ApprovalRecord[] {
  if (args.taskId !== undefined) visibleTask(call, args.taskId);
  if (args.folderId !== undefined) visibleFolder(call, args.folderId);
  return [...call.state.approvals.values()].filter(
    (a) =>
      canSee(call, a) &&
      (args.taskId === undefined || a.taskId === args.taskId) &&
      (args.folderId === undefined || a.folderId === args.folderId) &&
      (args.statuses === undefined || a.status === args.statuses) &&
      (args.approvers === undefined || a.decisions.some((d) => args.approvers!.includes(d.approverId))) &&
      (args.pendingApprovers === undefined || a.decisions.some((d) => d.status === "Pending" && args.pendingApprovers!.includes(d.approverId))),
  );
}
