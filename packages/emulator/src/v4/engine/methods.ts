/**
 * The stateful v4 operations, by the spec's operation id. Each reads its typed arguments, applies the
 * rules (the engine modules) and answers the envelope's data list (and page fields for paged lists).
 * Operations not listed here answer a generated document (generated-document.ts); the README lists them.
 */
import type { RestAnswer } from "@wrikekit/core/server";
import type { V4Call } from "./call.js";
import { argsWithTokenFilters, filterScope, pageInIdOrder, scanOf, type Page } from "./paging.js";
import * as approvals from "./approvals.js";
import * as attachments from "./attachments.js";
import { pollJob, startJob } from "./async-jobs.js";
import * as comments from "./comments.js";
import * as customFields from "./custom-fields.js";
import * as deps from "./dependencies.js";
import { invalidParameter, V4Error } from "./errors.js";
import * as folders from "./folders.js";
import { convertIds } from "./ids-convert.js";
import * as people from "./people.js";
import * as tasks from "./tasks.js";
import * as timelogs from "./timelogs.js";
import * as view from "./view.js";
import * as webhooks from "./webhooks.js";
import type { WebhookHost } from "./webhooks.js";
import * as workflows from "./workflows.js";

export interface DocumentAnswer {
  data: unknown[];
  nextPageToken?: string;
  responseSize?: number;
}

export interface BytesAnswer {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

// The arguments arrive checked against the spec by the generic reader; each handler names the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = any;

export interface OperationContext {
  /** The operation's id, `GET /tasks`: page tokens are bound to it. */
  id: string;
  /** Which of the operation's answers the arguments get (its kind and item type; see restAnswer). */
  answer: RestAnswer | undefined;
  /**
   * One operation of a batch (POST /batch) as the same caller: routed and its arguments read now (a bad
   * one fails the batch call), run when the returned function is called (by the job).
   */
  prepareNested(method: string, url: string, params: Record<string, unknown>): () => DocumentAnswer;
  /** Webhook delivery (the handshake a webhook's creation runs), when the emulator delivers webhooks. */
  webhooks: WebhookHost | undefined;
}

/** What an operation answers; creating a webhook waits for its handshake. */
export type Answer = DocumentAnswer | BytesAnswer | Promise<DocumentAnswer>;

export type StatefulOperation = (call: V4Call, args: Args, op: OperationContext) => Answer;

const page = <T>(p: Page<T>, render: (item: T) => unknown): DocumentAnswer => ({
  data: p.items.map(render),
  ...(p.nextPageToken === undefined ? {} : { nextPageToken: p.nextPageToken }),
  ...(p.responseSize === undefined ? {} : { responseSize: p.responseSize }),
});

const list = <T>(items: readonly T[], render: (item: T) => unknown): DocumentAnswer => ({ data: items.map(render) });

/** Arguments that shape the answer, not which items it lists. */
const PAGING_ARGS = new Set(["pageSize", "nextPageToken", "limit", "fields"]);

/** A paged list over a small in-memory set (approvals): id order, the same tokens as the big lists, bound to the filters. */
function pageArray<T extends { id: string }>(op: OperationContext, args: Args, items: T[], render: (item: T) => unknown): DocumentAnswer {
  return page(pageInIdOrder(args, filterScope(op.id, args, PAGING_ARGS), scanOf(items), () => true), render);
}

const task = (call: V4Call) => (t: Parameters<typeof view.taskView>[1]) => view.taskView(call, t);
const folder = (call: V4Call) => (f: Parameters<typeof view.folderView>[1]) => view.folderView(call, f);
const entry = (call: V4Call) => (f: Parameters<typeof view.treeEntryView>[1]) => view.treeEntryView(call, f);
/** The folder lists answer tree entries, or (filtered or paged: the spec's response variants) folders. */
const folderOrEntry = (call: V4Call, op: OperationContext) => (op.answer?.data.name === "Folder" ? folder(call) : entry(call));
const contact = (call: V4Call) => (id: string) => view.contactView(call, id);
const comment = (call: V4Call, plainText?: boolean) => (c: Parameters<typeof view.commentView>[1]) => view.commentView(call, comments.renderText(c, plainText));
const attachment = (call: V4Call) => (a: Parameters<typeof view.attachmentView>[1]) => view.attachmentView(call, a);
const timelog = (call: V4Call) => (t: Parameters<typeof view.timelogView>[1]) => view.timelogView(call, t);
const space = (call: V4Call) => (s: Parameters<typeof view.spaceView>[1]) => view.spaceView(call, s);
const field = (call: V4Call) => (f: Parameters<typeof view.customFieldView>[1]) => view.customFieldView(call, f);

async function createWebhook(call: V4Call, args: Args, op: OperationContext): Promise<DocumentAnswer> {
  if (op.webhooks === undefined) throw new V4Error(400, "invalid_request", "This emulator delivers no webhooks");
  return list([await webhooks.createWebhook(call, args, op.webhooks)], view.webhookView);
}

/** Batch: up to 100 writes, each `{method, url, params}` against the same API as the same caller. */
const MAX_BATCH = 100;

export const statefulOperations: Readonly<Record<string, StatefulOperation>> = {
  // account, people
  "GET /account": (call) => list([view.accountView(call)], (a) => a),
  "PUT /account": (call, a) => (people.updateAccount(call, a.metadata), list([view.accountView(call)], (x) => x)),
  "GET /contacts": (call, a) => list(people.contactIds(call, a), contact(call)),
  "GET /contacts/{contactIds}": (call, a) => list(a.contactIds.map((id: string) => people.requireContact(call, id)), contact(call)),
  "PUT /contacts/{contactId}": (call, a) => list([people.updateContact(call, a)], contact(call)),
  "GET /users/{userId}": (call, a) => list([people.requireContact(call, a.userId)], contact(call)),
  "PUT /users/{userId}": (call, a) => list([people.updateUser(call, a)], contact(call)),
  "GET /groups": (call, a, op) => page(people.groupsPage(call, op.id, a), (g) => view.groupView(call, g)),
  "POST /groups": (call, a) => list([people.createGroup(call, a)], (g) => view.groupView(call, g)),
  "GET /groups/{groupId}": (call, a) => list([people.visibleGroup(call, a.groupId)], (g) => view.groupView(call, g)),
  "PUT /groups/{groupId}": (call, a) => list([people.updateGroup(call, a)], (g) => view.groupView(call, g)),
  "DELETE /groups/{groupId}": (call, a) => list([people.deleteGroup(call, a.groupId)], (g) => view.groupView(call, g)),

  // spaces, folders, projects
  "GET /spaces": (call, a) => list(folders.listSpaces(call, a), space(call)),
  "POST /spaces": (call, a) => list([folders.createSpace(call, a)], space(call)),
  "GET /spaces/{spaceId}": (call, a) => list([folders.visibleSpace(call, a.spaceId)], space(call)),
  "PUT /spaces/{spaceId}": (call, a) => list([folders.updateSpace(call, a)], space(call)),
  "DELETE /spaces/{spaceId}": (call, a) => (folders.deleteSpace(call, a.spaceId), list([], (x) => x)),
  "GET /folders": (call, a, op) => page(folders.queryFolders(call, op.id, a), folderOrEntry(call, op)),
  "GET /folders/{folderId}/folders": (call, a, op) => page(folders.queryFolders(call, op.id, a), folderOrEntry(call, op)),
  "GET /spaces/{spaceId}/folders": (call, a, op) => page(folders.queryFolders(call, op.id, a), folderOrEntry(call, op)),
  "POST /folders/{folderId}/folders": (call, a) => list([folders.createFolder(call, a)], folder(call)),
  "GET /folders/{folderIds}": (call, a) => list(folders.getFolders(call, a.folderIds), folder(call)),
  "PUT /folders/{folderId}": (call, a) => list([folders.updateFolder(call, a)], folder(call)),
  "PUT /folders/{folderIds}": (call, a) => list(folders.updateFolders(call, a), folder(call)),
  "DELETE /folders/{folderId}": (call, a) => list([folders.deleteFolder(call, a.folderId)], folder(call)),
  "POST /copy_folder/{folderId}": (call, a) => list([folders.folderCopySteps(call, a).map((step) => step())[0]!], folder(call)),
  "POST /copy_folder_async/{folderId}": (call, a) => {
    const render = folder(call);
    const steps = folders.folderCopySteps(call, a).map((step) => () => render(step()));
    return list([startJob(call, "FolderCopy", steps)], view.asyncJobView);
  },

  // tasks
  "GET /tasks": (call, a, op) => page(tasks.queryTasks(call, op.id, a), task(call)),
  "GET /folders/{folderId}/tasks": (call, a, op) => page(tasks.queryTasks(call, op.id, a), task(call)),
  "GET /spaces/{spaceId}/tasks": (call, a, op) => page(tasks.queryTasks(call, op.id, a), task(call)),
  "POST /folders/{folderId}/tasks": (call, a) => list([tasks.createTask(call, a)], task(call)),
  "GET /tasks/{taskIds}": (call, a) => list(tasks.getTasks(call, a.taskIds), task(call)),
  "PUT /tasks/{taskId}": (call, a) => list([tasks.updateTask(call, a)], task(call)),
  "PUT /tasks/{taskIds}": (call, a) => list(tasks.updateTasks(call, a), task(call)),
  "DELETE /tasks/{taskId}": (call, a) => list([tasks.deleteTask(call, a.taskId)], task(call)),

  // dependencies
  "GET /tasks/{taskId}/dependencies": (call, a) => list(deps.taskDependencies(call, a.taskId), view.dependencyView),
  "POST /tasks/{taskId}/dependencies": (call, a) => list([deps.createDependency(call, a)], view.dependencyView),
  "GET /dependencies/{dependencyIds}": (call, a) => list(a.dependencyIds.map((id: string) => deps.visibleDependency(call, id)), view.dependencyView),
  "PUT /dependencies/{dependencyId}": (call, a) => list([deps.updateDependency(call, a)], view.dependencyView),
  "DELETE /dependencies/{dependencyId}": (call, a) => list([deps.deleteDependency(call, a.dependencyId)], view.dependencyView),

  // comments
  "GET /comments": (call, a) => list(comments.listComments(call, a), comment(call, a.plainText)),
  "GET /tasks/{taskId}/comments": (call, a) => list(comments.listComments(call, a), comment(call, a.plainText)),
  "GET /folders/{folderId}/comments": (call, a) => list(comments.listComments(call, a), comment(call, a.plainText)),
  "POST /tasks/{taskId}/comments": (call, a) => list([comments.createComment(call, { taskId: a.taskId }, a.text)], comment(call, a.plainText)),
  "POST /folders/{folderId}/comments": (call, a) => list([comments.createComment(call, { folderId: a.folderId }, a.text)], comment(call, a.plainText)),
  "GET /comments/{commentIds}": (call, a) => list(a.commentIds.map((id: string) => comments.visibleComment(call, id)), comment(call, a.plainText)),
  "PUT /comments/{commentId}": (call, a) => list([comments.updateComment(call, a.commentId, a.text)], comment(call, a.plainText)),
  "DELETE /comments/{commentId}": (call, a) => (comments.deleteComment(call, a.commentId), list([], (x) => x)),

  // attachments
  "GET /attachments": (call, a) => list(attachments.listAttachments(call, a), attachment(call)),
  "GET /tasks/{taskId}/attachments": (call, a) => list(attachments.listAttachments(call, a), attachment(call)),
  "GET /folders/{folderId}/attachments": (call, a) => list(attachments.listAttachments(call, a), attachment(call)),
  "POST /tasks/{taskId}/attachments": (call, a) => list([attachments.uploadAttachment(call, { taskId: a.taskId }, a.fileName, a.file)], attachment(call)),
  "POST /folders/{folderId}/attachments": (call, a) => list([attachments.uploadAttachment(call, { folderId: a.folderId }, a.fileName, a.file)], attachment(call)),
  "GET /attachments/{attachmentIds}": (call, a) => list(a.attachmentIds.map((id: string) => attachments.visibleAttachment(call, id)), attachment(call)),
  "GET /attachments/{attachmentId}/download": (call, a) => {
    const file = attachments.visibleAttachment(call, a.attachmentId);
    return { bytes: file.bytes, contentType: file.contentType, fileName: file.name };
  },
  "GET /attachments/{attachmentId}/url": (call, a) => {
    const file = attachments.visibleAttachment(call, a.attachmentId);
    return list([{ url: `/api/v4/attachments/${encodeURIComponent(file.id)}/download` }], (x) => x);
  },
  "DELETE /attachments/{attachmentId}": (call, a) => (attachments.deleteAttachment(call, a.attachmentId), list([], (x) => x)),

  // timelogs
  "GET /timelogs": (call, a, op) => page(timelogs.queryTimelogs(call, op.id, a), timelog(call)),
  "GET /tasks/{taskId}/timelogs": (call, a, op) => page(timelogs.queryTimelogs(call, op.id, a), timelog(call)),
  "GET /folders/{folderId}/timelogs": (call, a, op) => page(timelogs.queryTimelogs(call, op.id, a), timelog(call)),
  "GET /contacts/{contactId}/timelogs": (call, a, op) => page(timelogs.queryTimelogs(call, op.id, a), timelog(call)),
  "GET /timelog_categories/{timelogCategoryId}/timelogs": (call, a, op) => page(timelogs.queryTimelogs(call, op.id, a), timelog(call)),
  "POST /tasks/{taskId}/timelogs": (call, a) => list([timelogs.createTimelog(call, a)], timelog(call)),
  "GET /timelogs/{timelogIds}": (call, a) => list(a.timelogIds.map((id: string) => timelogs.visibleTimelog(call, id)), timelog(call)),
  "PUT /timelogs/{timelogId}": (call, a) => list([timelogs.updateTimelog(call, a)], timelog(call)),
  "DELETE /timelogs/{timelogId}": (call, a) => (timelogs.deleteTimelog(call, a.timelogId), list([], (x) => x)),
  "GET /timelog_categories": (call) => list([...call.state.timelogCategories.values()], view.timelogCategoryView),

  // custom fields, workflows
  "GET /customfields": (call, a) => list(customFields.listCustomFields(call, a), field(call)),
  "GET /spaces/{spaceId}/customfields": (call, a) => list(customFields.listCustomFields(call, a), field(call)),
  "POST /customfields": (call, a) => list([customFields.createCustomField(call, a)], field(call)),
  "GET /customfields/{customfieldIds}": (call, a) => list(a.customfieldIds.map((id: string) => customFields.visibleCustomField(call, id)), field(call)),
  "PUT /customfields/{customfieldId}": (call, a) => list([customFields.updateCustomField(call, a)], field(call)),
  "GET /workflows": (call) => list(workflows.workflowsList(call), (w) => w),
  "GET /spaces/{spaceId}/workflows": (call, a) => (folders.visibleSpace(call, a.spaceId), list(workflows.workflowsList(call), (w) => w)),
  "POST /workflows": (call, a) => list(workflows.workflowsCreate(call, a), (w) => w),
  "PUT /workflows/{workflowId}": (call, a) => list(workflows.workflowsUpdate(call, a), (w) => w),

  // approvals
  "GET /approvals": (call, a, op) => {
    // Its page token overrides the request's filters (the reference).
    const args = argsWithTokenFilters(a, op.id, "nextPageToken", PAGING_ARGS);
    return pageArray(op, args, approvals.listApprovals(call, args), view.approvalView);
  },
  "GET /tasks/{taskId}/approvals": (call, a) => list(approvals.listApprovals(call, a), view.approvalView),
  "GET /folders/{folderId}/approvals": (call, a) => list(approvals.listApprovals(call, a), view.approvalView),
  "POST /tasks/{taskId}/approvals": (call, a) => list([approvals.createApproval(call, a)], view.approvalView),
  "POST /folders/{folderId}/approvals": (call, a) => list([approvals.createApproval(call, a)], view.approvalView),
  "GET /approvals/{approvalIds}": (call, a) => list(a.approvalIds.map((id: string) => approvals.visibleApproval(call, id)), view.approvalView),
  "PUT /approvals/{approvalId}": (call, a) => list([approvals.updateApproval(call, a)], view.approvalView),
  "DELETE /approvals/{approvalId}": (call, a) => list([approvals.cancelApproval(call, a.approvalId)], view.approvalView),

  // webhooks
  "POST /webhooks": (call, a, op) => createWebhook(call, a, op),
  "POST /folders/{folderId}/webhooks": (call, a, op) => createWebhook(call, a, op),
  "POST /spaces/{spaceId}/webhooks": (call, a, op) => createWebhook(call, a, op),
  "GET /webhooks": (call) => list(webhooks.listWebhooks(call), view.webhookView),
  "GET /webhooks/{webhookIds}": (call, a) => list(a.webhookIds.map((id: string) => webhooks.getWebhook(call, id)), view.webhookView),
  "PUT /webhooks/{webhookId}": (call, a) => list([webhooks.setWebhookStatus(call, a.webhookId, a.status)], view.webhookView),
  "DELETE /webhooks/{webhookId}": (call, a) => list([webhooks.deleteWebhook(call, a.webhookId)], view.webhookView),

  // async jobs, batch, ids, version, colors
  "GET /async_job/{asyncJobId}": (call, a) => list([pollJob(call, a.asyncJobId)], view.asyncJobView),
  "POST /batch": (call, a, op) => {
    const operations: unknown[] = a.operations ?? [];
    if (operations.length === 0 || operations.length > MAX_BATCH) throw invalidParameter("operations", `must list 1 to ${MAX_BATCH} operations, got ${operations.length}`);
    // Every operation is routed and read before any runs: a malformed one fails the call, not the job halfway.
    const steps = operations.map((o, i) => {
      const { method, url, params } = batchOperation(o, i);
      const run = op.prepareNested(method, url, params);
      return () => run().data[0];
    });
    return list([startJob(call, "Batch", steps)], view.asyncJobView);
  },
  "GET /ids": (call, a) => list(convertIds(call, a.type, a.ids), (x) => x),
  "GET /version": () => list([{ major: 4, minor: 0 }], (x) => x),
  "GET /colors": () => list(COLORS, ([name, hex]) => ({ name, hex })),
};

const COLORS: Array<[string, string]> = [
  ["Person1", "#E5D6F5"],
  ["Person2", "#D1E6FF"],
  ["Person3", "#C5F0E8"],
  ["Blue", "#2196F3"],
  ["Green", "#4CAF50"],
  ["Yellow", "#FFEB3B"],
  ["Orange", "#FF9800"],
  ["Red", "#F44336"],
  ["Purple", "#9C27B0"],
  ["Gray", "#9E9E9E"],
];

function batchOperation(o: unknown, i: number): { method: string; url: string; params: Record<string, unknown> } {
  const item = o as { method?: unknown; url?: unknown; params?: unknown };
  if (typeof item !== "object" || item === null || typeof item.method !== "string" || typeof item.url !== "string") {
    throw invalidParameter(`operations[${i}]`, 'must be {"method": "POST", "url": "/folders/{folderId}/tasks", "params": {...}}');
  }
  return { method: item.method.toUpperCase(), url: item.url, params: (item.params ?? {}) as Record<string, unknown> };
}
