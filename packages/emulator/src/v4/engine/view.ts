/**
 * Records as the v4 API shows them. Optional fields (those the spec marks selectable) are rendered only
 * when the call selects them, so a list of 1,000 tasks computes no subtask or attachment counts it
 * does not send.
 */
import { ACCOUNT_ID } from "./ids.js";
import type { V4Call } from "./call.js";
import type {
  ApprovalRecord,
  AsyncJobRecord,
  AttachmentRecord,
  CommentRecord,
  CustomFieldRecord,
  DependencyRecord,
  FolderRecord,
  GroupRecord,
  SpaceRecord,
  TaskRecord,
  TimelogCategoryRecord,
  TimelogRecord,
  WebhookRecord,
  V4State,
  WorkflowRecord,
} from "./state.js";
import { utcTimestamp } from "./time.js";

type Doc = Record<string, unknown>;

/** Adds the optional fields the call selected, each computed only then. */
function withSelected(call: V4Call, doc: Doc, optional: Record<string, () => unknown>): Doc {
  for (const [name, value] of Object.entries(optional)) if (call.selected.has(name)) doc[name] = value();
  return doc;
}

const permalink = (id: string) => `https://www.wrike.com/open.htm?id=${encodeURIComponent(id)}`;

/** The first 200 characters of the text without markup, as Wrike's briefDescription. */
const brief = (html: string) => html.replace(/<[^>]*>/g, "").slice(0, 200);

export function taskView(call: V4Call, t: TaskRecord): Doc {
  const dates: Doc = { type: t.dates.type };
  if (t.dates.duration !== undefined) dates.duration = t.dates.duration;
  if (t.dates.start !== undefined) dates.start = t.dates.start;
  if (t.dates.due !== undefined) dates.due = t.dates.due;
  dates.workOnWeekends = t.dates.workOnWeekends;
  const doc: Doc = {
    id: t.id,
    accountId: ACCOUNT_ID,
    title: t.title,
    status: t.status,
    importance: t.importance,
    createdDate: utcTimestamp(t.createdAt),
    updatedDate: utcTimestamp(t.updatedAt),
    ...(t.completedAt === undefined ? {} : { completedDate: utcTimestamp(t.completedAt) }),
    dates,
    scope: t.scope,
    customStatusId: t.customStatusId,
    permalink: permalink(t.id),
    priority: t.priority,
    followedByMe: t.followerIds.includes(call.caller.user.uid),
  };
  const attachments = () => [...call.state.attachments.values()].filter((a) => a.taskId === t.id && isLatest(call.state, a));
  return withSelected(call, doc, {
    description: () => t.description,
    briefDescription: () => brief(t.description),
    parentIds: () => [...t.parentIds],
    superParentIds: () => superParentIds(call.state, t),
    sharedIds: () => [...t.sharedIds],
    responsibleIds: () => [...t.responsibleIds],
    responsiblePlaceholderIds: () => [],
    authorIds: () => [t.authorId],
    followerIds: () => [...t.followerIds],
    superTaskIds: () => [...t.superTaskIds],
    subTaskIds: () => [...t.subTaskIds],
    dependencyIds: () => [...t.dependencyIds],
    metadata: () => t.metadata.map((m) => ({ ...m })),
    customFields: () => t.customFields.map((c) => ({ ...c })),
    hasAttachments: () => attachments().length > 0,
    attachmentCount: () => attachments().length,
    recurrent: () => false,
    billingType: () => t.billingType ?? "NonBillable",
  });
}

/** Folders a subtask inherits from its super tasks. */
function superParentIds(state: V4State, t: TaskRecord): string[] {
  const out = new Set<string>();
  for (const superId of t.superTaskIds) for (const p of state.tasks.get(superId)?.parentIds ?? []) out.add(p);
  return [...out];
}

function projectView(f: FolderRecord): Doc | undefined {
  const p = f.project;
  if (p === undefined) return undefined;
  return {
    authorId: p.authorId,
    ownerIds: [...p.ownerIds],
    status: p.status,
    customStatusId: p.customStatusId,
    ...(p.startDate === undefined ? {} : { startDate: p.startDate }),
    ...(p.endDate === undefined ? {} : { endDate: p.endDate }),
    createdDate: utcTimestamp(p.createdAt),
    ...(p.completedAt === undefined ? {} : { completedDate: utcTimestamp(p.completedAt) }),
  };
}

function visibleChildIds(call: V4Call, f: FolderRecord): string[] {
  return f.childIds.filter((id) => {
    const child = call.state.folders.get(id);
    return child !== undefined && child.sharedIds.includes(call.caller.user.uid);
  });
}

export function folderView(call: V4Call, f: FolderRecord): Doc {
  const project = projectView(f);
  const doc: Doc = {
    id: f.id,
    accountId: ACCOUNT_ID,
    title: f.title,
    createdDate: utcTimestamp(f.createdAt),
    updatedDate: utcTimestamp(f.updatedAt),
    description: f.description,
    sharedIds: [...f.sharedIds],
    parentIds: [...f.parentIds],
    childIds: visibleChildIds(call, f),
    superParentIds: [],
    scope: f.scope,
    hasAttachments: [...call.state.attachments.values()].some((a) => a.folderId === f.id),
    permalink: permalink(f.id),
    workflowId: call.state.workflows.keys().next().value,
    metadata: f.metadata.map((m) => ({ ...m })),
    customFields: f.customFields.map((c) => ({ ...c })),
    ...(f.color === undefined ? {} : { color: f.color }),
    ...(project === undefined ? {} : { project }),
    ...(f.space ? { space: true } : {}),
  };
  return withSelected(call, doc, {
    briefDescription: () => brief(f.description),
    attachmentCount: () => [...call.state.attachments.values()].filter((a) => a.folderId === f.id).length,
    customColumnIds: () => [],
  });
}

/** A folder as an entry of the folder tree (the folder lists' answer without filters): no optional fields. */
export function treeEntryView(call: V4Call, f: FolderRecord): Doc {
  const project = projectView(f);
  return { id: f.id, title: f.title, childIds: visibleChildIds(call, f), scope: f.scope, ...(f.color === undefined ? {} : { color: f.color }), ...(project === undefined ? {} : { project }), ...(f.space ? { space: true } : {}) };
}

export function spaceView(call: V4Call, s: SpaceRecord): Doc {
  const doc: Doc = {
    id: s.id,
    title: s.title,
    description: s.description,
    avatarUrl: `https://www.wrike.com/static/spaceicons2/v3/6/6-planet.png`,
    accessType: s.accessType,
    archived: s.archived,
    ...(s.defaultProjectWorkflowId === undefined ? {} : { defaultProjectWorkflowId: s.defaultProjectWorkflowId }),
    ...(s.defaultTaskWorkflowId === undefined ? {} : { defaultTaskWorkflowId: s.defaultTaskWorkflowId }),
  };
  return withSelected(call, doc, {
    members: () => s.memberIds.map((id) => ({ id, accessRoleId: "IEAGKVLFND777777", isManager: id === s.memberIds[0] })),
  });
}

export function contactView(call: V4Call, uid: string): Doc {
  const user = call.state.v2.users.get(uid)!;
  const person = call.state.people.get(uid);
  const doc: Doc = {
    id: uid,
    firstName: user.firstName,
    lastName: user.lastName,
    type: "Person",
    profiles: [{ accountId: ACCOUNT_ID, email: user.email, role: person?.role ?? "User", external: false, admin: person?.admin ?? false, owner: person?.owner ?? false }],
    avatarUrl: `https://www.wrike.com/avatars/${encodeURIComponent(uid)}.png`,
    timezone: "Etc/UTC",
    locale: "en",
    deleted: person?.deleted ?? false,
    me: uid === call.caller.user.uid,
    title: person?.title ?? "",
    companyName: user.organization,
    primaryEmail: user.email,
  };
  return withSelected(call, doc, {
    metadata: () => (person?.metadata ?? []).map((m) => ({ ...m })),
    customFields: () => [],
  });
}

export function groupView(call: V4Call, g: GroupRecord): Doc {
  return withSelected(call, { id: g.id, accountId: ACCOUNT_ID, title: g.title, memberIds: [...g.memberIds], childIds: childGroups(call.state, g.id), parentIds: [...g.parentIds], avatarUrl: "", myTeam: false }, {
    metadata: () => g.metadata.map((m) => ({ ...m })),
  });
}

const childGroups = (state: V4State, id: string) => [...state.groups.values()].filter((g) => g.parentIds.includes(id)).map((g) => g.id);

export function accountView(call: V4Call): Doc {
  const { state } = call;
  return withSelected(
    call,
    {
      id: ACCOUNT_ID,
      name: "wrikekit emulator",
      dateFormat: "dd/MM/yyyy",
      firstDayOfWeek: "Mon",
      workDays: ["mon", "tue", "wed", "thu", "fri"],
      rootFolderId: state.rootFolderId,
      recycleBinId: state.recycleBinId,
      createdDate: utcTimestamp(state.createdAt),
      joinedDate: utcTimestamp(state.createdAt),
    },
    {
      metadata: () => state.accountMetadata.map((m) => ({ ...m })),
      customFields: () => [...state.customFields.values()].map((c) => customFieldView(call, c)),
      subscription: () => ({ type: "Enterprise", paid: true, userLimit: 100 }),
    },
  );
}

export function commentView(call: V4Call, c: CommentRecord): Doc {
  return withSelected(
    call,
    {
      id: c.id,
      authorId: c.authorId,
      text: c.text,
      createdDate: utcTimestamp(c.createdAt),
      updatedDate: utcTimestamp(c.updatedAt),
      ...(c.taskId === undefined ? {} : { taskId: c.taskId }),
      ...(c.folderId === undefined ? {} : { folderId: c.folderId }),
    },
    { type: () => "Regular" },
  );
}

export function isLatest(state: V4State, a: AttachmentRecord): boolean {
  for (const other of state.attachments.values()) if (other.originVersionId === a.originVersionId && other.version > a.version) return false;
  return true;
}

export function attachmentView(call: V4Call, a: AttachmentRecord): Doc {
  const latest = [...call.state.attachments.values()].filter((o) => o.originVersionId === a.originVersionId).reduce((x, y) => (y.version > x.version ? y : x));
  return {
    id: a.id,
    authorId: a.authorId,
    name: a.name,
    createdDate: utcTimestamp(a.createdAt),
    version: a.version,
    type: "Wrike",
    contentType: a.contentType,
    size: a.bytes.length,
    currentAttachmentId: latest.id,
    originVersionId: a.originVersionId,
    ...(a.taskId === undefined ? {} : { taskId: a.taskId }),
    ...(a.folderId === undefined ? {} : { folderId: a.folderId }),
  };
}

/** What every time log shows for the approval, lock, export and billing it does not model; the list filters read the same. */
export const TIMELOG_STATUSES = { approvalStatus: "Draft", lockStatus: "Unlocked", exportStatus: "NotExported", billingType: "NonBillable" } as const;

export function timelogView(call: V4Call, t: TimelogRecord): Doc {
  return withSelected(
    call,
    {
      id: t.id,
      taskId: t.taskId,
      userId: t.userId,
      hours: t.hours,
      createdDate: utcTimestamp(t.createdAt),
      updatedDate: utcTimestamp(t.updatedAt),
      trackedDate: t.trackedDate,
      comment: t.comment,
      ...(t.categoryId === undefined ? {} : { categoryId: t.categoryId }),
    },
    {
      approvalStatus: () => TIMELOG_STATUSES.approvalStatus,
      lockStatus: () => TIMELOG_STATUSES.lockStatus,
      exportStatus: () => TIMELOG_STATUSES.exportStatus,
      billingType: () => TIMELOG_STATUSES.billingType,
    },
  );
}

export const timelogCategoryView = (c: TimelogCategoryRecord): Doc => ({ id: c.id, name: c.name, order: c.order, hidden: c.hidden });

export function customFieldView(_call: V4Call, c: CustomFieldRecord): Doc {
  return {
    id: c.id,
    accountId: ACCOUNT_ID,
    title: c.title,
    type: c.type,
    description: c.description,
    sharedIds: [...c.sharedIds],
    settings: { ...c.settings },
    ...(c.spaceId === undefined ? {} : { spaceId: c.spaceId }),
    archived: false,
  };
}

export function workflowView(call: V4Call, w: WorkflowRecord): Doc {
  return withSelected(
    call,
    {
      id: w.id,
      name: w.name,
      description: w.description,
      standard: w.standard,
      hidden: w.hidden,
      customStatuses: w.customStatuses.map((s) => ({ id: s.id, name: s.name, standardName: s.standard, color: s.color, standard: s.standard, group: s.group, hidden: s.hidden })),
    },
    { dataUsageStatistics: () => ({}) },
  );
}

export function approvalView(a: ApprovalRecord): Doc {
  return {
    id: a.id,
    authorId: a.authorId,
    title: a.description.slice(0, 100),
    description: a.description,
    type: "Regular",
    status: a.status,
    finished: a.status !== "Pending",
    updatedDate: utcTimestamp(a.updatedAt),
    ...(a.dueDate === undefined ? {} : { dueDate: a.dueDate }),
    ...(a.taskId === undefined ? {} : { taskId: a.taskId }),
    ...(a.folderId === undefined ? {} : { folderId: a.folderId }),
    ...(a.finisherId === undefined ? {} : { finisherId: a.finisherId }),
    decisions: a.decisions.map((d) => ({ approverId: d.approverId, status: d.status, comment: d.comment, updatedDate: utcTimestamp(d.updatedAt) })),
    attachmentIds: [...a.attachmentIds],
    autoFinishOnApprove: a.autoFinishOnApprove,
    autoFinishOnReject: a.autoFinishOnReject,
  };
}

export const dependencyView = (d: DependencyRecord): Doc => ({
  id: d.id,
  predecessorId: d.predecessorId,
  successorId: d.successorId,
  relationType: d.relationType,
  ...(d.lagTime === undefined ? {} : { lagTime: d.lagTime }),
});

export function asyncJobView(j: AsyncJobRecord): Doc {
  return {
    id: j.id,
    type: j.type,
    status: j.status,
    totalCount: j.totalCount,
    processedCount: j.processedCount,
    progressPercent: j.totalCount === 0 ? 100 : Math.floor((100 * j.processedCount) / j.totalCount),
    ...(j.status === "InProgress" ? {} : { result: j.results }),
    ...(j.errorMessage === undefined ? {} : { errorMessage: j.errorMessage }),
  };
}

/** A webhook as Wrike shows it: never its secret. */
export const webhookView = (h: WebhookRecord): Doc => ({
  id: h.id,
  accountId: ACCOUNT_ID,
  ...(h.folderId === undefined ? {} : { folderId: h.folderId }),
  ...(h.spaceId === undefined ? {} : { spaceId: h.spaceId }),
  hookUrl: h.hookUrl,
  status: h.status,
  events: h.events,
  recursive: h.recursive,
});
