/**
 * The account a new emulator starts with: four users (one a Viewer), a consumer with an access token
 * for the regular user and one for the Viewer, a small folder DAG, tasks of every schedule kind, a
 * comment, a time log and a file. Everything is fixed except the dates, which are placed around the
 * clock's "today" so that the filter templates find something; with a fixed clock the seed is fixed.
 */
import type { Caller } from "./access.js";
import { addAttachment } from "./attachments.js";
import { commentAdd } from "./comments.js";
import { folderAdd } from "./folders.js";
import { createEmptyState, type State, type UserRecord } from "./state.js";
import { taskAdd, taskUpdate } from "./tasks.js";
import { DAY_MS, formatDay, startOfDay } from "./time.js";
import { timelogAdd } from "./timelogs.js";

/** The seeded OAuth credentials. Token secrets are hex strings, as Wrike issues them. */
export const SEED_CREDENTIALS = {
  consumerKey: "wrikekit-emulator-consumer",
  consumerSecret: "5e3d0c1a9b8f47e2a6c4d1f0b7e9a3c2",
  user: { uid: "OYgzyijdAo5Q", token: "emu-access-OYgzyijdAo5Q-7f3a9c", tokenSecret: "2c5f8e1b4a7d0c3f6e9b2a5d8c1f4e7b0a3d6c9f" },
  viewer: { uid: "N5L9OlSRomRp", token: "emu-access-N5L9OlSRomRp-4b1e6d", tokenSecret: "9a6d3f0c7e4b1a8d5f2c9e6b3a0d7f4c1e8b5a2d" },
  /** An OAuth 2.0 permanent token of the regular user (a bearer token that never expires). */
  permanentToken: "emu-permanent-OYgzyijdAo5Q-e81c47",
  /** More permanent tokens, for v4's rights and scopes: the Viewer (a v4 Collaborator), and the user limited to wsReadOnly. */
  collaboratorToken: "emu-permanent-N5L9OlSRomRp-3d92a0",
  readOnlyToken: "emu-permanent-OYgzyijdAo5Q-ro-5b7c11",
} as const;

const USERS: UserRecord[] = [
  {
    uid: SEED_CREDENTIALS.user.uid,
    firstName: "Wrike",
    lastName: "Api Test",
    email: "wrikeapitest@gmail.com",
    license: "Collaborator",
    organization: "TEST",
    contacts: ["GCG7DDZ4Q1ic", "t3acIwjcblNN", SEED_CREDENTIALS.viewer.uid],
  },
  {
    uid: SEED_CREDENTIALS.viewer.uid,
    firstName: "Vera",
    lastName: "Viewer",
    email: "vera.viewer@example.com",
    license: "Viewer",
    organization: "TEST",
    contacts: [SEED_CREDENTIALS.user.uid],
  },
  {
    uid: "GCG7DDZ4Q1ic",
    firstName: "Alexey",
    lastName: "Koryak",
    email: "Alexey.Koryak@team.wrike.com",
    license: "Collaborator",
    organization: "TEST",
    contacts: [SEED_CREDENTIALS.user.uid, "t3acIwjcblNN"],
  },
  {
    uid: "t3acIwjcblNN",
    firstName: "Dmitry",
    lastName: "Simochkin",
    email: "Dmitry.Simochkin@team.wrike.com",
    license: "Collaborator",
    organization: "TEST",
    contacts: [SEED_CREDENTIALS.user.uid, "GCG7DDZ4Q1ic"],
  },
];

export function seedState(now: number): State {
  const state = createEmptyState();
  for (const user of USERS) state.users.set(user.uid, structuredClone(user));
  const { consumerKey, consumerSecret, user, viewer } = SEED_CREDENTIALS;
  state.oauth.consumers.set(consumerKey, { key: consumerKey, secret: consumerSecret, name: "wrikekit emulator" });
  for (const holder of [user, viewer]) {
    state.oauth.accessTokens.set(holder.token, { token: holder.token, secret: holder.tokenSecret, consumerKey, uid: holder.uid });
  }
  state.oauth.bearerTokens.set(SEED_CREDENTIALS.permanentToken, { token: SEED_CREDENTIALS.permanentToken, uid: user.uid, clientId: consumerKey });
  state.oauth.bearerTokens.set(SEED_CREDENTIALS.collaboratorToken, { token: SEED_CREDENTIALS.collaboratorToken, uid: viewer.uid, clientId: consumerKey });
  state.oauth.bearerTokens.set(SEED_CREDENTIALS.readOnlyToken, { token: SEED_CREDENTIALS.readOnlyToken, uid: user.uid, clientId: consumerKey, scopes: ["wsReadOnly"] });

  const as = (uid: string): Caller => ({ user: state.users.get(uid)!, at: now });
  const me = as(user.uid);
  const alexey = as("GCG7DDZ4Q1ic");
  const today = startOfDay(now);
  const day = (offset: number, hour = 0) => new Date(today + offset * DAY_MS + hour * 3_600_000);

  const spool = folderAdd(state, me, { title: "spool", description: "Description of my first project", sharedUsers: ["GCG7DDZ4Q1ic", viewer.uid] }).body;
  const test = folderAdd(state, me, { title: "test", parents: [spool.id] }).body;
  const marketing = folderAdd(state, me, { title: "Marketing" }).body;
  const launch = folderAdd(state, me, { title: "Launch", parents: [spool.id, marketing.id] }).body;
  const privateFolder = folderAdd(state, alexey, { title: "Alexey's notes" }).body;

  const report = taskAdd(state, me, {
    title: "Write the report",
    description: "Quarterly report, first draft",
    startDate: day(0, 9),
    dueDate: day(2, 18),
    responsibleUsers: [user.uid],
    parents: [test.id],
  }).body;
  taskAdd(state, me, { title: "Review the launch plan", importance: 0, dueDate: day(-1, 17), responsibleUsers: [user.uid, "GCG7DDZ4Q1ic"], parents: [launch.id] });
  taskAdd(state, me, { title: "Collect ideas", description: "Anything goes", duration: "120" });
  const shipped = taskAdd(state, me, { title: "Ship version 1", startDate: day(-9, 9), dueDate: day(-5, 18), parents: [spool.id] }).body;
  taskUpdate(state, me, { id: shipped.id, title: shipped.title!, status: 1 });
  taskAdd(state, me, { title: "Plan next week", startDate: day(2, 9), dueDate: day(4, 18), responsibleUsers: ["t3acIwjcblNN"], parents: [marketing.id] });
  taskAdd(state, alexey, { title: "Alexey's private task", parents: [privateFolder.id] });

  commentAdd(state, me, { taskId: report.id, text: "First draft is in the shared folder." });
  commentAdd(state, alexey, { taskId: report.id, text: "Thanks, reading it now." });
  timelogAdd(state, me, { taskId: report.id, date: formatDay(now), hours: 2.5 });
  addAttachment(state, me, { taskId: report.id, fileName: "notes.txt", contentType: "text/plain", bytes: new TextEncoder().encode("Meeting notes\n") });
  return state;
}
