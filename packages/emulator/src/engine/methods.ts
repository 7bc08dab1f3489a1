/** Every API method that answers with a document, by method id. Download answers bytes: see attachments.ts. */
import type { MethodId, MethodTypes } from "@wrikekit/client/server";
import type { Caller } from "./access.js";
import { attachmentHistory, attachmentList } from "./attachments.js";
import { commentAdd, commentDelete, commentList, commentUpdate, commentUpdates } from "./comments.js";
import { folderAdd, folderDelete, folderGet, folderTree, folderUpdate } from "./folders.js";
import { contactsList, profileGet } from "./people.js";
import type { Reply } from "./reply.js";
import type { State } from "./state.js";
import { taskFilter } from "./task-filter.js";
import { taskUpdates } from "./task-updates.js";
import { taskAdd, taskDelete, taskGet, taskUpdate } from "./tasks.js";
import { timelogAdd, timelogDelete, timelogList } from "./timelogs.js";

export type DocumentMethodId = Exclude<MethodId, "wrike.attachment.download">;

export type EngineMethod<K extends DocumentMethodId> = (state: State, caller: Caller, args: MethodTypes[K]["args"]) => Reply<MethodTypes[K]["result"]>;

export const engineMethods: { readonly [K in DocumentMethodId]: EngineMethod<K> } = {
  "wrike.attachment.list": attachmentList,
  "wrike.attachment.history": attachmentHistory,
  "wrike.comment.add": commentAdd,
  "wrike.comment.delete": commentDelete,
  "wrike.comment.update": commentUpdate,
  "wrike.comment.list": commentList,
  "wrike.comment.updates": commentUpdates,
  "wrike.contacts.list": contactsList,
  "wrike.folder.tree": folderTree,
  "wrike.folder.get": folderGet,
  "wrike.folder.add": folderAdd,
  "wrike.folder.delete": folderDelete,
  "wrike.folder.update": folderUpdate,
  "wrike.profile.get": profileGet,
  "wrike.task.get": taskGet,
  "wrike.task.filter": taskFilter,
  "wrike.task.updates": taskUpdates,
  "wrike.task.add": taskAdd,
  "wrike.task.update": taskUpdate,
  "wrike.task.delete": taskDelete,
  "wrike.timelog.list": timelogList,
  "wrike.timelog.add": timelogAdd,
  "wrike.timelog.delete": timelogDelete,
};
