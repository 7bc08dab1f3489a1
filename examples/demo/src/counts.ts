/** What a story made, for its closing line and the tests. */
export interface Counts {
  folders: number;
  tasks: number;
  comments: number;
  timelogs: number;
  attachments: number;
}

export const noCounts = (): Counts => ({ folders: 0, tasks: 0, comments: 0, timelogs: 0, attachments: 0 });

/** "1 task", "2,500 tasks". */
export const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/** "Done: 2 folders, 4 tasks, 3 comments, 2 time logs, 1 attachment". */
export function doneLine(c: Counts): string {
  return `Done: ${plural(c.folders, "folder")}, ${plural(c.tasks, "task")}, ${plural(c.comments, "comment")}, ${plural(c.timelogs, "time log")}, ${plural(c.attachments, "attachment")}`;
}
