/**
 * The v4 world as JSON and back, saved beside the v2 state (the `v4` member of the emulator's state
 * document). Attachment bytes are base64. A job still in progress is run to its end before saving: its
 * remaining steps are functions, which JSON cannot hold.
 */
import { base64ToBytes, bytesToBase64 } from "../../engine/base64.js";
import { StateFormatError } from "../../engine/persist.js";
import type { State } from "../../engine/state.js";
import { advanceJob } from "./async-jobs.js";
import { OrderedStore } from "./ordered.js";
import { createEmptyV4State, type AsyncJobRecord, type AttachmentRecord, type V4State } from "./state.js";

const VERSION = 1;

type Values<M> = M extends Map<unknown, infer V> ? V[] : M extends OrderedStore<infer V> ? V[] : never;
type SavedJob = Omit<AsyncJobRecord, "pending">;

export interface SavedV4State {
  version: typeof VERSION;
  nextCounter: number;
  createdAt: number;
  rootFolderId: string;
  recycleBinId: string;
  accountMetadata: V4State["accountMetadata"];
  people: Values<V4State["people"]>;
  groups: Values<V4State["groups"]>;
  spaces: Values<V4State["spaces"]>;
  folders: Values<V4State["folders"]>;
  tasks: Values<V4State["tasks"]>;
  dependencies: Values<V4State["dependencies"]>;
  comments: Values<V4State["comments"]>;
  attachments: Array<Omit<AttachmentRecord, "bytes"> & { bytes: string }>;
  timelogs: Values<V4State["timelogs"]>;
  timelogCategories: Values<V4State["timelogCategories"]>;
  customFields: Values<V4State["customFields"]>;
  workflows: Values<V4State["workflows"]>;
  approvals: Values<V4State["approvals"]>;
  asyncJobs: SavedJob[];
  /** Absent in states saved before the emulator delivered webhooks. */
  webhooks?: Values<V4State["webhooks"]>;
  legacyIds: Array<[string, string]>;
}

function finish(job: AsyncJobRecord): SavedJob {
  advanceJob(job, Infinity);
  const { pending: _, ...saved } = job;
  return saved;
}

export function saveV4State(state: V4State): SavedV4State {
  return {
    version: VERSION,
    nextCounter: state.nextCounter,
    createdAt: state.createdAt,
    rootFolderId: state.rootFolderId,
    recycleBinId: state.recycleBinId,
    accountMetadata: state.accountMetadata,
    people: [...state.people.values()],
    groups: [...state.groups.values()],
    spaces: [...state.spaces.values()],
    folders: [...state.folders.values()],
    tasks: [...state.tasks.values()],
    dependencies: [...state.dependencies.values()],
    comments: [...state.comments.values()],
    attachments: [...state.attachments.values()].map((a) => ({ ...a, bytes: bytesToBase64(a.bytes) })),
    timelogs: [...state.timelogs.values()],
    timelogCategories: [...state.timelogCategories.values()],
    customFields: [...state.customFields.values()],
    workflows: [...state.workflows.values()],
    approvals: [...state.approvals.values()],
    asyncJobs: [...state.asyncJobs.values()].map(finish),
    webhooks: [...state.webhooks.values()],
    legacyIds: [...state.legacyIds],
  };
}

export function loadV4State(v2: State, saved: SavedV4State): V4State {
  if (saved?.version !== VERSION) throw new StateFormatError(`the saved v4 state is not of version ${VERSION}`);
  const state = createEmptyV4State(v2, saved.createdAt);
  state.nextCounter = saved.nextCounter;
  state.rootFolderId = saved.rootFolderId;
  state.recycleBinId = saved.recycleBinId;
  state.accountMetadata = saved.accountMetadata;
  const fill = <T extends { id: string }>(target: Map<string, T>, records: T[]) => records.forEach((r) => target.set(r.id, r));
  const add = <T extends { id: string }>(target: OrderedStore<T>, records: T[]) => records.forEach((r) => target.add(r));
  saved.people.forEach((p) => state.people.set(p.uid, p));
  fill(state.groups, saved.groups);
  fill(state.spaces, saved.spaces);
  fill(state.folders, saved.folders);
  add(state.tasks, saved.tasks);
  fill(state.dependencies, saved.dependencies);
  add(state.comments, saved.comments);
  for (const a of saved.attachments) {
    const bytes = base64ToBytes(a.bytes);
    if (bytes === undefined) throw new StateFormatError(`v4 attachment ${a.id} has bytes that are not base64`);
    state.attachments.set(a.id, { ...a, bytes });
  }
  add(state.timelogs, saved.timelogs);
  fill(state.timelogCategories, saved.timelogCategories);
  fill(state.customFields, saved.customFields);
  fill(state.workflows, saved.workflows);
  fill(state.approvals, saved.approvals);
  saved.asyncJobs.forEach((j) => state.asyncJobs.set(j.id, { ...j, pending: [] }));
  fill(state.webhooks, saved.webhooks ?? []);
  saved.legacyIds.forEach(([k, v]) => state.legacyIds.set(k, v));
  return state;
}
