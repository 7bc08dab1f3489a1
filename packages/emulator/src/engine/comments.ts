/** wrike.comment.*: comments on tasks. Only a comment's author may change or delete it. */
import type {
  Comment,
  CommentAddArgs,
  CommentAddResult,
  CommentDeleteArgs,
  CommentDeleteResult,
  CommentListArgs,
  CommentListResult,
  CommentUpdateArgs,
  CommentUpdateResult,
  CommentUpdatesArgs,
  CommentUpdatesResult,
} from "@wrikekit/client/v2";
import { isShared, requireWriter, visibleTask, type Caller } from "./access.js";
import { changesSince } from "./changes.js";
import { EmulatorError, invalidArgument, missingParameter } from "./errors.js";
import type { Reply } from "./reply.js";
import { allocateId, type CommentRecord, type Deleted, type State, type UserRecord } from "./state.js";
import { formatTimestamp } from "./time.js";
import { requireText } from "./validate.js";

function commentView(state: State, comment: CommentRecord, deletedAt?: number): Comment {
  const view: Comment = {
    id: comment.id,
    text: comment.text,
    taskId: comment.taskId,
    authorUid: comment.authorUid,
    createdDate: formatTimestamp(comment.createdAt),
    attachments: [...state.attachments.values()].filter((a) => a.commentId === comment.id).map((a) => a.id),
  };
  return deletedAt === undefined ? view : { ...view, deleted: true, deletedDate: formatTimestamp(deletedAt) };
}

/** Whether the user sees the comment's task, live or (for deleted comments) as it was when deleted. */
function seesTask(state: State, user: UserRecord, taskId: number): boolean {
  const task = state.tasks.get(taskId) ?? state.trash.tasks.get(taskId)?.record;
  return task !== undefined && isShared(task, user);
}

/** A comment on a task the caller sees (and, with `own`, wrote); `refuse` makes the error otherwise. */
function requireComment(state: State, caller: Caller, id: number, own: boolean, refuse: (id: number) => EmulatorError): CommentRecord {
  const comment = state.comments.get(id);
  if (comment === undefined || !seesTask(state, caller.user, comment.taskId) || (own && comment.authorUid !== caller.user.uid)) throw refuse(id);
  return comment;
}

const outOfScope = (id: number) => new EmulatorError(406, `The comment with given id not found in the calling user's task scope (id = ${id}).`);

// The reference documents no 406 for wrike.comment.delete, so a comment that is not the caller's is a 407.
const notOwnComment = (id: number) => invalidArgument("ids", `comment ${id} is not among the calling user's own comments`);

export function commentAdd(state: State, caller: Caller, args: CommentAddArgs): Reply<CommentAddResult> {
  requireWriter(caller);
  const text = requireText(args.text, "text");
  const task = visibleTask(state, caller, args.taskId, "taskId");
  const comment: CommentRecord = { id: allocateId(state), taskId: task.id, text, authorUid: caller.user.uid, createdAt: caller.at, updatedAt: caller.at };
  state.comments.set(comment.id, comment);
  return { root: "comment", body: commentView(state, comment) };
}

export function commentUpdate(state: State, caller: Caller, args: CommentUpdateArgs): Reply<CommentUpdateResult> {
  requireWriter(caller);
  const comment = requireComment(state, caller, args.id, true, outOfScope);
  comment.text = requireText(args.text, "text");
  comment.updatedAt = caller.at;
  return { root: "comment", body: commentView(state, comment) };
}

export function commentDelete(state: State, caller: Caller, args: CommentDeleteArgs): Reply<CommentDeleteResult> {
  requireWriter(caller);
  const ids = [...new Set(args.ids)];
  if (ids.length === 0) throw invalidArgument("ids", "give at least one comment id");
  const comments = ids.map((id) => requireComment(state, caller, id, true, notOwnComment));
  discardComments(state, ids, caller.at);
  return { root: "comments", body: { list: comments.map((c) => ({ id: c.id, taskId: c.taskId, deleted: true })) } };
}

/** Newest first, as the reference's example lists them. */
export function commentList(state: State, caller: Caller, args: CommentListArgs): Reply<CommentListResult> {
  let comments: CommentRecord[];
  if (args.taskId !== undefined) {
    const task = visibleTask(state, caller, args.taskId, "taskId");
    comments = [...state.comments.values()].filter((c) => c.taskId === task.id && (args.ids === undefined || args.ids.includes(c.id)));
  } else if (args.ids !== undefined) {
    comments = args.ids.map((id) => requireComment(state, caller, id, false, outOfScope));
  } else {
    throw missingParameter(["taskId or ids"]);
  }
  const newestFirst = [...comments].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  return { root: "comments", body: { list: newestFirst.map((c) => commentView(state, c)) } };
}

export function commentUpdates(state: State, caller: Caller, args: CommentUpdatesArgs): Reply<CommentUpdatesResult> {
  const sees = (comment: CommentRecord) => seesTask(state, caller.user, comment.taskId);
  const changes = changesSince(
    [...state.comments.values()].filter(sees),
    [...state.trash.comments.values()].filter((entry) => sees(entry.record)),
    args.tLast,
  );
  const byId = (a: CommentRecord, b: CommentRecord) => a.id - b.id;
  return {
    root: "commentsUpdates",
    body: {
      tLast: caller.at,
      newComments: changes.added.sort(byId).map((c) => commentView(state, c)),
      updatedComments: changes.updated.sort(byId).map((c) => commentView(state, c)),
      deletedComments: changes.deleted.sort((a, b) => byId(a.record, b.record)).map((entry: Deleted<CommentRecord>) => commentView(state, entry.record, entry.deletedAt)),
    },
  };
}

/** Moves comments to the trash; the files attached to them are deleted ("a comment and its attachments"). */
export function discardComments(state: State, ids: readonly number[], at: number): void {
  const gone = new Set(ids);
  for (const [id, attachment] of state.attachments) if (attachment.commentId !== undefined && gone.has(attachment.commentId)) state.attachments.delete(id);
  for (const id of gone) {
    state.trash.comments.set(id, { record: state.comments.get(id)!, deletedAt: at });
    state.comments.delete(id);
  }
}
