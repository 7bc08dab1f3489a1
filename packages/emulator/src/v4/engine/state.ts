/**
 * The v4 world as plain records, beside the v2 state: people and OAuth tokens are the v2 state's (one
 * account, two APIs), everything else is here. Times are epoch milliseconds (UTC); the API's date forms
 * are made when a record is rendered (view.ts).
 */
import type { LocalDateTime } from "@wrikekit/client";
import type { State } from "../../engine/state.js";
import { formatId, type IdKind } from "./ids.js";
import { OrderedStore } from "./ordered.js";

export type UserRole = "User" | "Collaborator";

/** What v4 adds to a v2 user: the role and admin rights. */
export interface PersonRecord {
  uid: string;
  role: UserRole;
  admin: boolean;
  owner: boolean;
  title: string;
  deleted: boolean;
  metadata: MetadataEntry[];
}

export interface MetadataEntry {
  key: string;
  value: string;
}

export interface CustomFieldValue {
  id: string;
  value: string;
}

export interface GroupRecord {
  id: string;
  title: string;
  memberIds: string[];
  parentIds: string[];
  metadata: MetadataEntry[];
}

export type SpaceAccessType = "Personal" | "Private" | "Public";

export interface SpaceRecord {
  id: string;
  title: string;
  description: string;
  accessType: SpaceAccessType;
  archived: boolean;
  memberIds: string[];
  defaultProjectWorkflowId: string | undefined;
  defaultTaskWorkflowId: string | undefined;
}

export interface ProjectRecord {
  authorId: string;
  ownerIds: string[];
  /** The standard status of the custom status. */
  status: string;
  customStatusId: string;
  startDate: string | undefined;
  endDate: string | undefined;
  createdAt: number;
  completedAt: number | undefined;
}

/** A node of the folder tree: the account root, the recycle bin, a space's root, a folder or a project. */
export interface FolderRecord {
  id: string;
  title: string;
  description: string;
  color: string | undefined;
  /** WsRoot, RbRoot, WsFolder, RbFolder (in the recycle bin). */
  scope: "WsRoot" | "RbRoot" | "WsFolder" | "RbFolder";
  /** Set on the root folder of a space (its id is the space's). */
  space: boolean;
  parentIds: string[];
  /** In order of creation; kept in step with the children's parentIds. */
  childIds: string[];
  sharedIds: string[];
  authorId: string;
  createdAt: number;
  updatedAt: number;
  metadata: MetadataEntry[];
  customFields: CustomFieldValue[];
  project: ProjectRecord | undefined;
  /** The parents before deletion, for restore. */
  deletedFrom: string[] | undefined;
}

export type TaskStatus = "Active" | "Completed" | "Deferred" | "Cancelled";
export type TaskImportance = "High" | "Normal" | "Low";

export interface TaskDates {
  type: "Planned" | "Milestone" | "Backlog";
  /** Minutes; Planned tasks always, Backlog tasks optionally. */
  duration: number | undefined;
  /** yyyy-MM-ddTHH:mm:ss without a zone; Planned only. */
  start: LocalDateTime | undefined;
  /** Planned and Milestone. */
  due: LocalDateTime | undefined;
  workOnWeekends: boolean;
}

export interface TaskRecord {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  customStatusId: string;
  importance: TaskImportance;
  createdAt: number;
  updatedAt: number;
  completedAt: number | undefined;
  dates: TaskDates;
  scope: "WsTask" | "RbTask";
  parentIds: string[];
  sharedIds: string[];
  responsibleIds: string[];
  followerIds: string[];
  authorId: string;
  superTaskIds: string[];
  /** Kept in step with the subtasks' superTaskIds. */
  subTaskIds: string[];
  /** Dependencies this task is the predecessor or successor of. */
  dependencyIds: string[];
  metadata: MetadataEntry[];
  customFields: CustomFieldValue[];
  priority: string;
  billingType: "Billable" | "NonBillable" | undefined;
  /** The parents before deletion, for the recycle bin. */
  deletedFrom: string[] | undefined;
}

export interface DependencyRecord {
  id: string;
  predecessorId: string;
  successorId: string;
  relationType: "StartToStart" | "StartToFinish" | "FinishToStart" | "FinishToFinish";
  lagTime: number | undefined;
}

export interface CommentRecord {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  taskId: string | undefined;
  folderId: string | undefined;
}

export interface AttachmentRecord {
  id: string;
  authorId: string;
  name: string;
  contentType: string;
  createdAt: number;
  version: number;
  /** Id of the first version: every version of one file shares it. */
  originVersionId: string;
  taskId: string | undefined;
  folderId: string | undefined;
  bytes: Uint8Array;
}

export interface TimelogRecord {
  id: string;
  taskId: string;
  userId: string;
  hours: number;
  comment: string;
  /** yyyy-MM-dd. */
  trackedDate: string;
  categoryId: string | undefined;
  createdAt: number;
  updatedAt: number;
}

export interface TimelogCategoryRecord {
  id: string;
  name: string;
  order: number;
  hidden: boolean;
}

export interface CustomFieldRecord {
  id: string;
  title: string;
  type: string;
  description: string;
  spaceId: string | undefined;
  sharedIds: string[];
  settings: Record<string, unknown>;
}

export interface CustomStatusRecord {
  id: string;
  name: string;
  color: string;
  /** Active, Completed, Deferred or Cancelled: the task status the custom status stands for. */
  group: TaskStatus;
  standard: boolean;
  hidden: boolean;
}

export interface WorkflowRecord {
  id: string;
  name: string;
  description: string;
  standard: boolean;
  hidden: boolean;
  customStatuses: CustomStatusRecord[];
}

export interface ApprovalDecisionRecord {
  approverId: string;
  status: "Pending" | "Approved" | "Rejected";
  comment: string;
  updatedAt: number;
}

export interface ApprovalRecord {
  id: string;
  authorId: string;
  description: string;
  dueDate: string | undefined;
  taskId: string | undefined;
  folderId: string | undefined;
  decisions: ApprovalDecisionRecord[];
  attachmentIds: string[];
  autoFinishOnApprove: boolean;
  autoFinishOnReject: boolean;
  status: "Pending" | "Approved" | "Rejected" | "Cancelled";
  finisherId: string | undefined;
  updatedAt: number;
}

export interface AsyncJobRecord {
  id: string;
  type: string;
  /** The job runs when it is polled: at most `stepsPerPoll` items each time, so clients see InProgress. */
  status: "InProgress" | "Completed" | "Failed";
  totalCount: number;
  processedCount: number;
  /** The work left, one function per item; each returns its result. */
  pending: Array<() => unknown>;
  results: unknown[];
  errorMessage: string | undefined;
  ownerId: string;
}

export type WebhookStatus = "Active" | "Suspended";

/** A subscription: where its events come from (the account, a folder or a space), where they go, and whether it delivers. */
export interface WebhookRecord {
  id: string;
  authorId: string;
  /** The folder or space it watches; neither: the whole account. */
  folderId: string | undefined;
  spaceId: string | undefined;
  hookUrl: string;
  /** Signs every delivery (and the handshake on creation); never shown in an answer. */
  secret: string | undefined;
  /** Event types delivered; empty: all. */
  events: string[];
  /** A folder's webhook also delivers the events of its subfolders and their tasks (a space's always does). */
  recursive: boolean;
  status: WebhookStatus;
}

export interface V4State {
  /** The v2 state: users, OAuth consumers and tokens, and the objects GET /ids converts. */
  readonly v2: State;
  nextCounter: number;
  readonly createdAt: number;
  rootFolderId: string;
  recycleBinId: string;
  accountMetadata: MetadataEntry[];
  readonly people: Map<string, PersonRecord>;
  readonly groups: Map<string, GroupRecord>;
  readonly spaces: Map<string, SpaceRecord>;
  readonly folders: Map<string, FolderRecord>;
  readonly tasks: OrderedStore<TaskRecord>;
  readonly dependencies: Map<string, DependencyRecord>;
  readonly comments: OrderedStore<CommentRecord>;
  readonly attachments: Map<string, AttachmentRecord>;
  readonly timelogs: OrderedStore<TimelogRecord>;
  readonly timelogCategories: Map<string, TimelogCategoryRecord>;
  readonly customFields: Map<string, CustomFieldRecord>;
  readonly workflows: Map<string, WorkflowRecord>;
  readonly approvals: Map<string, ApprovalRecord>;
  readonly asyncJobs: Map<string, AsyncJobRecord>;
  readonly webhooks: Map<string, WebhookRecord>;
  /** v2 object id (as text) → the v4 id of the object v4 shows for it, by ApiV2 type. */
  readonly legacyIds: Map<string, string>;
  /** Bumped by every change (each write operation, each task added or erased): cached list totals are valid for one revision. */
  revision: number;
  /** responseSize of a list's first page by filters and caller, with the revision it was counted at. */
  readonly listTotals: Map<string, { revision: number; total: number }>;
}

export function newId(state: V4State, kind: IdKind): string {
  return formatId(kind, state.nextCounter++);
}

export function createEmptyV4State(v2: State, at: number): V4State {
  const state: V4State = {
    v2,
    nextCounter: 1,
    createdAt: at,
    rootFolderId: "",
    recycleBinId: "",
    accountMetadata: [],
    people: new Map(),
    groups: new Map(),
    spaces: new Map(),
    folders: new Map(),
    tasks: new OrderedStore(),
    dependencies: new Map(),
    comments: new OrderedStore(),
    attachments: new Map(),
    timelogs: new OrderedStore(),
    timelogCategories: new Map(),
    customFields: new Map(),
    workflows: new Map(),
    approvals: new Map(),
    asyncJobs: new Map(),
    webhooks: new Map(),
    legacyIds: new Map(),
    revision: 0,
    listTotals: new Map(),
  };
  return state;
}
