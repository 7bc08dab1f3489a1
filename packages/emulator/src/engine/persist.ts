/** The state as JSON and back: what save() writes and the state option or a --state file restores. */
import { base64ToBytes, bytesToBase64 } from "./base64.js";
import { folderRecord, taskRecord, type AttachmentRecord, type Deleted, type State, type TaskRecord } from "./state.js";

const FORMAT = "wrikekit-emulator-state";
const VERSION = 1;

type Entries<M> = M extends Map<unknown, infer V> ? V[] : never;

interface SavedState {
  format: typeof FORMAT;
  version: typeof VERSION;
  nextId: number;
  users: Entries<State["users"]>;
  folders: Entries<State["folders"]>;
  tasks: Entries<State["tasks"]>;
  comments: Entries<State["comments"]>;
  attachments: Array<Omit<AttachmentRecord, "bytes"> & { bytes: string }>;
  timelogs: Entries<State["timelogs"]>;
  trash: { [K in keyof State["trash"]]: Entries<State["trash"][K]> };
  oauth: {
    consumers: Entries<State["oauth"]["consumers"]>;
    requestTokens: Entries<State["oauth"]["requestTokens"]>;
    accessTokens: Entries<State["oauth"]["accessTokens"]>;
    /** OAuth 2.0 records; absent in states saved before the emulator served OAuth 2.0. */
    bearerTokens?: Entries<State["oauth"]["bearerTokens"]>;
    refreshTokens?: Entries<State["oauth"]["refreshTokens"]>;
    authorizationCodes?: Entries<State["oauth"]["authorizationCodes"]>;
    nonces: Array<[key: string, timestamp: number]>;
  };
}

/** The state as JSON, attachment bytes in base64. It holds the OAuth secrets: keep the file private. */
export function saveState(state: State): string {
  const saved: SavedState = {
    format: FORMAT,
    version: VERSION,
    nextId: state.nextId,
    users: [...state.users.values()],
    folders: [...state.folders.values()],
    tasks: [...state.tasks.values()],
    comments: [...state.comments.values()],
    attachments: [...state.attachments.values()].map((a) => ({ ...a, bytes: bytesToBase64(a.bytes) })),
    timelogs: [...state.timelogs.values()],
    trash: { folders: [...state.trash.folders.values()], tasks: [...state.trash.tasks.values()], comments: [...state.trash.comments.values()] },
    oauth: {
      consumers: [...state.oauth.consumers.values()],
      requestTokens: [...state.oauth.requestTokens.values()],
      accessTokens: [...state.oauth.accessTokens.values()],
      bearerTokens: [...state.oauth.bearerTokens.values()],
      refreshTokens: [...state.oauth.refreshTokens.values()],
      authorizationCodes: [...state.oauth.authorizationCodes.values()],
      nonces: [...state.oauth.nonces],
    },
  };
  return JSON.stringify(saved, null, 2);
}

export class StateFormatError extends Error {
  override readonly name = "StateFormatError";
}

const byId = <T extends { id: number }>(records: T[]) => new Map(records.map((r) => [r.id, r] as const));
/** Tasks in id order (State.tasks keeps it), each rebuilt to the one task shape. */
const tasksById = (records: TaskRecord[]) => byId([...records].sort((a, b) => a.id - b.id).map(taskRecord));
const trashById = <T extends { id: number }>(entries: Array<Deleted<T>>) => new Map(entries.map((e) => [e.record.id, e] as const));

/** Reads what saveState wrote; StateFormatError for anything else. */
export function loadState(json: string): State {
  let saved: SavedState;
  try {
    saved = JSON.parse(json) as SavedState;
  } catch (cause) {
    throw new StateFormatError(`the saved state is not JSON (${(cause as Error).message})`);
  }
  if (saved?.format !== FORMAT || saved.version !== VERSION) {
    throw new StateFormatError(`the saved state is not a ${FORMAT} document of version ${VERSION}`);
  }
  return {
    nextId: saved.nextId,
    users: new Map(saved.users.map((u) => [u.uid, u])),
    folders: byId(saved.folders.map(folderRecord)),
    tasks: tasksById(saved.tasks),
    comments: byId(saved.comments),
    attachments: byId(
      saved.attachments.map((a) => {
        const bytes = base64ToBytes(a.bytes);
        if (bytes === undefined) throw new StateFormatError(`attachment ${a.id} has bytes that are not base64`);
        return { ...a, bytes };
      }),
    ),
    timelogs: byId(saved.timelogs),
    trash: { folders: trashById(saved.trash.folders), tasks: trashById(saved.trash.tasks), comments: trashById(saved.trash.comments) },
    oauth: {
      consumers: new Map(saved.oauth.consumers.map((c) => [c.key, c])),
      requestTokens: new Map(saved.oauth.requestTokens.map((t) => [t.token, t])),
      accessTokens: new Map(saved.oauth.accessTokens.map((t) => [t.token, t])),
      bearerTokens: new Map((saved.oauth.bearerTokens ?? []).map((t) => [t.token, t])),
      refreshTokens: new Map((saved.oauth.refreshTokens ?? []).map((t) => [t.token, t])),
      authorizationCodes: new Map((saved.oauth.authorizationCodes ?? []).map((c) => [c.code, c])),
      nonces: new Map(saved.oauth.nonces),
    },
  };
}
