/**
 * The emulator's whole world as plain records. Times are milliseconds since the epoch (UTC); the API's
 * date strings are made from them only when a response is rendered.
 */

export type Licence = "Collaborator" | "Viewer";

export interface UserRecord {
  uid: string;
  firstName: string;
  lastName: string;
  email: string;
  license: Licence;
  organization: string;
  /** UIDs listed by wrike.contacts.list for this user. */
  contacts: string[];
}

/** The root folder (id 0) is virtual: it has no record, and `parents: [0]` means "in the root". */
export const ROOT_FOLDER_ID = 0;

/** What folders and tasks share: identity, text and who made and last changed them when. */
export interface AuthoredRecord {
  id: number;
  title: string;
  description: string;
  authorUid: string;
  createdAt: number;
  updatedAt: number;
  whoChanged: string;
}

export interface FolderRecord extends AuthoredRecord {
  sharedUsers: string[];
  /** [0] for a folder in the root; otherwise real folder ids, never 0 (rule folderRootExclusive). */
  parents: number[];
}

export interface TaskRecord extends AuthoredRecord {
  status: number;
  importance: number;
  /** Absent for backlog tasks and milestones. */
  startAt?: number;
  /** Absent for backlog tasks. */
  dueAt?: number;
  /** Minutes as a string, as the API sends it; absent for milestones. */
  duration?: string;
  responsibleUsers: string[];
  /** Everyone who can see the task: the author, the responsible users and those it is shared with. */
  sharedUsers: string[];
  /** [0] for a task in the root; otherwise folder ids, never 0 (rule taskParents). */
  parents: number[];
}

export interface CommentRecord {
  id: number;
  taskId: number;
  text: string;
  authorUid: string;
  createdAt: number;
  updatedAt: number;
}

export interface AttachmentRecord {
  id: number;
  taskId: number;
  /** Set when the file was attached to a comment; deleting the comment deletes it. */
  commentId?: number;
  fileName: string;
  contentType: string;
  authorUid: string;
  createdAt: number;
  version: number;
  /** Id of version 1: every version of one file shares it. */
  firstVersionId: number;
  bytes: Uint8Array;
}

export interface TimelogRecord {
  id: number;
  taskId: number;
  userUid: string;
  /** The logged day, yyyy-MM-dd. */
  day: string;
  hours: number;
  createdAt: number;
}

/** A deleted record, kept so that the updates methods can report it and updates can refuse it. */
export interface Deleted<T> {
  record: T;
  deletedAt: number;
}

export interface ConsumerRecord {
  key: string;
  secret: string;
  name: string;
}

export interface RequestTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  /** A URL or "oob". */
  callback: string;
  createdAt: number;
  /** Set once a user approved the token on the authorize page. */
  approvedBy?: string;
  verifier?: string;
}

export interface AccessTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  uid: string;
}

/** An OAuth 2.0 bearer token: an access token that expires, or a permanent token (no expiry). */
export interface BearerTokenRecord {
  token: string;
  uid: string;
  clientId: string;
  /** Epoch ms; absent for permanent tokens. */
  expiresAt?: number;
  /** v4 OAuth 2.0 scopes granted (spec/v4 auth.oauth2.scopes); absent: every scope (permanent tokens, v2 grants). */
  scopes?: string[];
}

/** An OAuth 2.0 refresh token; each works once (they rotate). */
export interface RefreshTokenRecord {
  token: string;
  uid: string;
  clientId: string;
  scopes?: string[];
}

/** An OAuth 2.0 authorisation code, handed to the redirect URI and exchanged once. */
export interface AuthorizationCodeRecord {
  code: string;
  uid: string;
  clientId: string;
  redirectUri?: string;
  expiresAt: number;
  scopes?: string[];
}

export interface OAuthState {
  consumers: Map<string, ConsumerRecord>;
  requestTokens: Map<string, RequestTokenRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  bearerTokens: Map<string, BearerTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  authorizationCodes: Map<string, AuthorizationCodeRecord>;
  /** Seen `consumer&token&timestamp&nonce` keys, with their timestamp in seconds, for replay checks. */
  nonces: Map<string, number>;
}

export interface State {
  /** Ids come from one counter, so a task id never names a folder too. */
  nextId: number;
  users: Map<string, UserRecord>;
  folders: Map<number, FolderRecord>;
  /**
   * In ascending id order (ids only grow and tasks are only added by taskAdd; loadState sorts), so a
   * page of tasks in id order walks from the start and stops when the page is full.
   */
  tasks: Map<number, TaskRecord>;
  comments: Map<number, CommentRecord>;
  attachments: Map<number, AttachmentRecord>;
  timelogs: Map<number, TimelogRecord>;
  trash: {
    folders: Map<number, Deleted<FolderRecord>>;
    tasks: Map<number, Deleted<TaskRecord>>;
    comments: Map<number, Deleted<CommentRecord>>;
  };
  oauth: OAuthState;
}

export function createEmptyState(): State {
  return {
    nextId: 1,
    users: new Map(),
    folders: new Map(),
    tasks: new Map(),
    comments: new Map(),
    attachments: new Map(),
    timelogs: new Map(),
    trash: { folders: new Map(), tasks: new Map(), comments: new Map() },
    oauth: {
      consumers: new Map(),
      requestTokens: new Map(),
      accessTokens: new Map(),
      bearerTokens: new Map(),
      refreshTokens: new Map(),
      authorizationCodes: new Map(),
      nonces: new Map(),
    },
  };
}

export function allocateId(state: State): number {
  return state.nextId++;
}

/**
 * The shared part of a new folder or task, made by `uid` at `at`. Pass the result through folderRecord
 * or taskRecord: spreading it into a record gives every record its own hidden class.
 */
export function newAuthoredRecord(state: State, uid: string, at: number, title: string, description: string | undefined): AuthoredRecord {
  return { id: allocateId(state), title, description: description ?? "", authorUid: uid, createdAt: at, updatedAt: at, whoChanged: uid };
}

/*
 * Every folder and every task is built by one of these two literals, with every field present in the
 * same order (optional ones as undefined), so all records of a kind share one hidden class and the
 * hot code that reads them (access checks, filters) stays monomorphic.
 */

export function folderRecord(r: FolderRecord): FolderRecord {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    authorUid: r.authorUid,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    whoChanged: r.whoChanged,
    sharedUsers: r.sharedUsers,
    parents: r.parents,
  };
}

export function taskRecord(r: TaskRecord): TaskRecord {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    authorUid: r.authorUid,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    whoChanged: r.whoChanged,
    status: r.status,
    importance: r.importance,
    startAt: r.startAt,
    dueAt: r.dueAt,
    duration: r.duration,
    responsibleUsers: r.responsibleUsers,
    sharedUsers: r.sharedUsers,
    parents: r.parents,
  };
}
