/**
 * The webhook events a change stands for (spec/v4/events.yaml names them and their fields), and the folders it
 * happened in, which decide the webhooks that see it. The envelope fields (webhookId, eventAuthorId,
 * lastUpdatedDate) are added per webhook at delivery.
 */
import type { KnownWebhookEvent } from "@wrikekit/webhooks";
import type { Change, Subjects } from "../engine/changes.js";
import type { CustomFieldValue, TaskDates, V4State } from "../engine/state.js";

/** An event without the envelope fields every delivery adds. */
export type EventBody = { [E in KnownWebhookEvent as E["eventType"]]: Omit<E, "webhookId" | "eventAuthorId" | "lastUpdatedDate"> }[KnownWebhookEvent["eventType"]];

const added = (before: readonly string[], after: readonly string[]) => after.filter((id) => !before.includes(id));

/** One event per list that grew and one per list that shrank, as Wrike reports additions and removals apart. */
function listEvents<A extends EventBody, R extends EventBody>(before: readonly string[], after: readonly string[], onAdd: (ids: string[]) => A, onRemove: (ids: string[]) => R): EventBody[] {
  const plus = added(before, after);
  const minus = added(after, before);
  return [...(plus.length > 0 ? [onAdd(plus)] : []), ...(minus.length > 0 ? [onRemove(minus)] : [])];
}

/** A custom field's value before and after, for each field whose value changed. */
function customFieldChanges(before: readonly CustomFieldValue[], after: readonly CustomFieldValue[]): { customFieldId: string; oldValue: string; value: string }[] {
  const value = (values: readonly CustomFieldValue[], id: string) => values.find((v) => v.id === id)?.value ?? "";
  const ids = [...new Set([...before, ...after].map((v) => v.id))];
  return ids.filter((id) => value(before, id) !== value(after, id)).map((id) => ({ customFieldId: id, oldValue: value(before, id), value: value(after, id) }));
}

const datesOf = (d: TaskDates) => ({
  type: d.type,
  ...(d.duration === undefined ? {} : { duration: d.duration }),
  ...(d.start === undefined ? {} : { start: d.start }),
  ...(d.due === undefined ? {} : { due: d.due }),
  workOnWeekends: d.workOnWeekends,
});

function taskEvents(state: V4State, before: Subjects["task"] | undefined, after: Subjects["task"] | undefined, taskId: string): EventBody[] {
  if (before === undefined) return after === undefined ? [] : [{ eventType: "TaskCreated", taskId }];
  if (after === undefined || (before.scope === "WsTask" && after.scope === "RbTask")) return [{ eventType: "TaskDeleted", taskId }];
  // The account root and the recycle bin stand for "in no folder" and "deleted": they are no parents to report.
  const parents = (ids: readonly string[]) => ids.filter((id) => id !== state.rootFolderId && id !== state.recycleBinId);
  const events: EventBody[] = [];
  if (before.title !== after.title) events.push({ eventType: "TaskTitleChanged", taskId, oldValue: before.title, value: after.title });
  if (before.importance !== after.importance) events.push({ eventType: "TaskImportanceChanged", taskId, oldValue: before.importance, value: after.importance });
  if (before.status !== after.status || before.customStatusId !== after.customStatusId)
    events.push({ eventType: "TaskStatusChanged", taskId, oldValue: before.status, value: after.status, oldCustomStatusId: before.customStatusId, customStatusId: after.customStatusId });
  if (JSON.stringify(before.dates) !== JSON.stringify(after.dates)) events.push({ eventType: "TaskDatesChanged", taskId, oldValue: datesOf(before.dates), value: datesOf(after.dates) });
  if (before.description !== after.description) events.push({ eventType: "TaskDescriptionChanged", taskId });
  events.push(
    ...listEvents(parents(before.parentIds), parents(after.parentIds), (ids) => ({ eventType: "TaskParentsAdded", taskId, addedParents: ids }), (ids) => ({ eventType: "TaskParentsRemoved", taskId, removedParents: ids })),
    ...listEvents(before.responsibleIds, after.responsibleIds, (ids) => ({ eventType: "TaskResponsiblesAdded", taskId, addedResponsibles: ids }), (ids) => ({ eventType: "TaskResponsiblesRemoved", taskId, removedResponsibles: ids })),
    ...listEvents(before.sharedIds, after.sharedIds, (ids) => ({ eventType: "TaskSharedsAdded", taskId, addedShareds: ids }), (ids) => ({ eventType: "TaskSharedsRemoved", taskId, removedShareds: ids })),
    ...customFieldChanges(before.customFields, after.customFields).map((c) => ({ eventType: "TaskCustomFieldChanged" as const, taskId, ...c })),
  );
  return events;
}

function folderEvents(state: V4State, before: Subjects["folder"] | undefined, after: Subjects["folder"] | undefined, folderId: string): EventBody[] {
  if (before === undefined) return after === undefined ? [] : [{ eventType: "FolderCreated", folderId }];
  if (after === undefined || (before.scope === "WsFolder" && after.scope === "RbFolder")) return [{ eventType: "FolderDeleted", folderId }];
  const parents = (ids: readonly string[]) => ids.filter((id) => id !== state.recycleBinId);
  const events: EventBody[] = [];
  if (before.title !== after.title) events.push({ eventType: "FolderTitleChanged", folderId, oldValue: before.title, value: after.title });
  if (before.description !== after.description) events.push({ eventType: "FolderDescriptionChanged", folderId });
  events.push(
    ...listEvents(parents(before.parentIds), parents(after.parentIds), (ids) => ({ eventType: "FolderParentsAdded", folderId, addedParents: ids }), (ids) => ({ eventType: "FolderParentsRemoved", folderId, removedParents: ids })),
    ...listEvents(before.sharedIds, after.sharedIds, (ids) => ({ eventType: "FolderSharedsAdded", folderId, addedShareds: ids }), (ids) => ({ eventType: "FolderSharedsRemoved", folderId, removedShareds: ids })),
    ...customFieldChanges(before.customFields, after.customFields).map((c) => ({ eventType: "FolderCustomFieldChanged" as const, folderId, ...c })),
  );
  const [was, is] = [before.project, after.project];
  if (was !== undefined && is !== undefined) {
    if (was.startDate !== is.startDate || was.endDate !== is.endDate)
      events.push({ eventType: "ProjectDatesChanged", folderId, oldValue: { startDate: was.startDate, endDate: was.endDate }, value: { startDate: is.startDate, endDate: is.endDate } });
    events.push(...listEvents(was.ownerIds, is.ownerIds, (ids) => ({ eventType: "ProjectOwnersAdded", folderId, addedOwners: ids }), (ids) => ({ eventType: "ProjectOwnersRemoved", folderId, removedOwners: ids })));
    if (was.status !== is.status) events.push({ eventType: "ProjectStatusChanged", folderId, oldValue: was.status, value: is.status });
  }
  return events;
}

/** Where a comment, attachment or approval is: its task's or its folder's id. */
const placeOf = (r: { taskId: string | undefined; folderId: string | undefined }) => ({ ...(r.taskId === undefined ? {} : { taskId: r.taskId }), ...(r.folderId === undefined ? {} : { folderId: r.folderId }) });

/** The events of one change, in the order Wrike's list gives them. */
export function eventsOf(state: V4State, change: Change): EventBody[] {
  switch (change.subject) {
    case "task":
      return taskEvents(state, change.before, change.after, change.id);
    case "folder":
      return folderEvents(state, change.before, change.after, change.id);
    case "comment": {
      const record = change.after ?? change.before!;
      if (change.before === undefined) return [{ eventType: "CommentAdded", commentId: change.id, ...placeOf(record) }];
      return change.after === undefined ? [{ eventType: "CommentDeleted", commentId: change.id, ...placeOf(record) }] : [];
    }
    case "attachment": {
      const record = change.after ?? change.before!;
      if (change.before === undefined) return [{ eventType: "AttachmentAdded", attachmentId: change.id, ...placeOf(record) }];
      return change.after === undefined ? [{ eventType: "AttachmentDeleted", attachmentId: change.id, ...placeOf(record) }] : [];
    }
    case "timelog": {
      const type = change.before === undefined ? "Added" : change.after === undefined ? "Deleted" : "Updated";
      return [{ eventType: "TimelogChanged", timelogId: change.id, taskId: (change.after ?? change.before!).taskId, type }];
    }
    case "approval": {
      const [was, is] = [change.before, change.after];
      if (was === undefined || is === undefined || was.status === is.status) return [];
      return [{ eventType: "ApprovalStatusChanged", approvalId: change.id, ...placeOf(is), oldValue: was.status, value: is.status }];
    }
  }
}

/** The folders a change happened in: a task's parents (before and after), a folder and its parents, the place of what hangs on a task or folder. */
export function foldersOf(state: V4State, change: Change): string[] {
  const taskFolders = (taskId: string | undefined) => {
    const task = taskId === undefined ? undefined : state.tasks.get(taskId);
    return task === undefined ? [] : [...task.parentIds, ...(task.deletedFrom ?? [])];
  };
  switch (change.subject) {
    case "task":
      return [...(change.before?.parentIds ?? []), ...(change.after?.parentIds ?? []), ...(change.after?.deletedFrom ?? [])];
    case "folder":
      return [change.id, ...(change.before?.parentIds ?? []), ...(change.after?.parentIds ?? [])];
    case "timelog":
      return taskFolders((change.after ?? change.before)!.taskId);
    default: {
      const record = (change.after ?? change.before)!;
      return [...taskFolders(record.taskId), ...(record.folderId === undefined ? [] : [record.folderId])];
    }
  }
}
