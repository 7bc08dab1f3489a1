/** Handler tests: the real generated client, talking to an in-process emulator through its fetch option. */
import { expect } from "vitest";
import { createWrikeClient, errorCodes, WrikeApiError, type WrikeClient } from "@wrikekit/client/v2";
import type { MethodId } from "@wrikekit/client/server";
import { xmlSupport } from "@wrikekit/client/xml";
import { signRequest, type OAuth1Credentials, type SignatureMethod } from "@wrikekit/core/oauth1";
import { timelogAdd } from "../../src/engine/timelogs.js";
import { createEmulator, type Emulator, type EmulatorOptions, type ErrorCode } from "../../src/index.js";

export const BASE_URL = "http://localhost:8080";
export const FORMATS = ["json", "xml"] as const;
export type Format = (typeof FORMATS)[number];

export interface ClientOptions {
  format?: Format;
  /** Whose access token signs: the regular user (default) or the Viewer. */
  as?: "user" | "viewer";
  signatureMethod?: SignatureMethod;
  /** Sign with this token secret instead of the right one (-> 402). */
  tokenSecret?: string;
  /** Edits the form parameters the client built, then signs again: sends what the typed client would refuse to. */
  rewrite?: (params: URLSearchParams) => void;
}

export interface Harness {
  emulator: Emulator;
  client(options?: ClientOptions): WrikeClient;
  /** Content types of the answers, in order. */
  contentTypes: string[];
}

async function resign(request: Request, rewrite: (params: URLSearchParams) => void, credentials: OAuth1Credentials, signatureMethod: SignatureMethod): Promise<Request> {
  const params = new URLSearchParams(await request.text());
  rewrite(params);
  const signed = await signRequest({ method: request.method, url: request.url, bodyParams: [...params] }, credentials, { signatureMethod });
  const headers = new Headers(request.headers);
  headers.set("authorization", signed.authorizationHeader);
  return new Request(request.url, { method: request.method, headers, body: params.toString() });
}

export function harness(options: EmulatorOptions = {}): Harness {
  const emulator = createEmulator(options);
  const contentTypes: string[] = [];
  return {
    emulator,
    contentTypes,
    client({ format = "json", as = "user", signatureMethod = "HMAC-SHA1", tokenSecret, rewrite } = {}) {
      const { consumerKey, consumerSecret } = emulator.credentials;
      const holder = emulator.credentials[as];
      const credentials = { consumerKey, consumerSecret, token: holder.token, tokenSecret: tokenSecret ?? holder.tokenSecret };
      return createWrikeClient({
        baseUrl: BASE_URL,
        format,
        xml: xmlSupport,
        rateLimit: false,
        retry: { maxAttempts: 1 },
        auth: { kind: "oauth1", ...credentials, signatureMethod },
        fetch: async (input, init) => {
          let request = new Request(input, init);
          if (rewrite !== undefined) request = await resign(request, rewrite, credentials, signatureMethod);
          const response = await emulator.handle(request);
          contentTypes.push(response.headers.get("content-type") ?? "");
          return response;
        },
      });
    },
  };
}

/** Calls a method by id: wrike.task.add is client.task.add. */
export function invoke(client: WrikeClient, methodId: MethodId, args: unknown): Promise<unknown> {
  const [, group, name] = methodId.split(".") as [string, string, string];
  const method = (client as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>)[group]![name]!;
  return method(args);
}

/** Awaits a rejection with a WrikeApiError of this code, with the name and HTTP status the spec gives it. */
export async function expectApiError(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<WrikeApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrikeApiError);
  const apiError = error as WrikeApiError;
  expect({ code: apiError.code, errorName: apiError.errorName, httpStatus: apiError.httpStatus }).toEqual({
    code,
    errorName: errorCodes[code].name,
    httpStatus: errorCodes[code].httpStatus,
  });
  if (message !== undefined) expect(apiError.serverMessage).toMatch(message);
  return apiError;
}

/** The seeded objects the tests refer to, found by title. */
export function seededIds(emulator: Emulator) {
  const { state } = emulator;
  const folder = (title: string) => [...state.folders.values()].find((f) => f.title === title)!.id;
  const task = (title: string) => [...state.tasks.values()].find((t) => t.title === title)!.id;
  const comment = (authorUid: string) => [...state.comments.values()].find((c) => c.authorUid === authorUid)!.id;
  return {
    spool: folder("spool"),
    test: folder("test"),
    marketing: folder("Marketing"),
    launch: folder("Launch"),
    privateFolder: folder("Alexey's notes"),
    report: task("Write the report"),
    ideas: task("Collect ideas"),
    privateTask: task("Alexey's private task"),
    myComment: comment(emulator.credentials.user.uid),
    alexeysComment: comment("GCG7DDZ4Q1ic"),
    myTimelog: [...state.timelogs.values()][0]!.id,
    notes: [...state.attachments.values()][0]!.id,
  };
}

export type SeededIds = ReturnType<typeof seededIds>;

/** Arguments each method succeeds with on the seeded account. */
export function sampleArgs(ids: SeededIds): Record<MethodId, Record<string, unknown>> {
  return {
    "wrike.attachment.list": { taskIds: [ids.report] },
    "wrike.attachment.history": { id: ids.notes },
    "wrike.attachment.download": { id: ids.notes },
    "wrike.comment.add": { taskId: ids.report, text: "hello" },
    "wrike.comment.delete": { ids: [ids.myComment] },
    "wrike.comment.update": { id: ids.myComment, text: "edited" },
    "wrike.comment.list": { taskId: ids.report },
    "wrike.comment.updates": { tLast: 0 },
    "wrike.contacts.list": {},
    "wrike.folder.tree": {},
    "wrike.folder.get": { id: ids.spool },
    "wrike.folder.add": { title: "New folder", parents: [ids.spool] },
    "wrike.folder.delete": { ids: [ids.marketing] },
    "wrike.folder.update": { id: ids.test, title: "renamed" },
    "wrike.profile.get": {},
    "wrike.task.get": { id: ids.report },
    "wrike.task.filter": { statuses: [0] },
    "wrike.task.updates": { tLast: 0 },
    "wrike.task.add": { title: "New task", startDate: "2024-03-13T09:00:00", dueDate: "2024-03-14T18:00:00", parents: [ids.test] },
    "wrike.task.update": { id: ids.ideas, title: "Collect ideas", status: 1 },
    "wrike.task.delete": { ids: [ids.ideas] },
    "wrike.timelog.list": {},
    "wrike.timelog.add": { taskId: ids.report, date: "2024-03-12", hours: 1.5 },
    "wrike.timelog.delete": { ids: [ids.myTimelog] },
  };
}

/** A file on Alexey's private task: outside the regular user's scope. */
export function privateAttachment(emulator: Emulator, ids: SeededIds): number {
  return emulator.addAttachment({ taskId: ids.privateTask, fileName: "secret.txt", bytes: new Uint8Array([1]), asUser: "GCG7DDZ4Q1ic" }).id;
}

/** A time log of Alexey's on the report: in the regular user's scope, but not theirs. */
export function alexeysTimelog(emulator: Emulator, ids: SeededIds): number {
  const alexey = emulator.state.users.get("GCG7DDZ4Q1ic")!;
  return timelogAdd(emulator.state, { user: alexey, at: emulator.now() }, { taskId: ids.report, date: "2024-03-12", hours: 1 }).body.id;
}
