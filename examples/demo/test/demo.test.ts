import { describe, expect, it } from "vitest";
import { runDemo } from "../src/walkthrough.js";

describe("the main job against the emulator", () => {
  for (const format of ["json", "xml"]) {
    it(`runs the whole walkthrough in ${format.toUpperCase()} and tells what happened`, async () => {
      const summary = await runDemo({ env: { WRIKE_FORMAT: format }, print: () => {} });
      expect(summary).toMatchObject({ folders: 2, tasks: 4, comments: 3, timelogs: 2, attachments: 1 });
      const text = summary.lines.join("\n");
      expect(text).toContain("Signing in with OAuth 1.0a");
      expect(text).toMatch(/milestone +#\d+ "Design sign-off"/);
      expect(text).toContain("6.5 hours logged in 2 entries");
      expect(text).toMatch(/has 2 versions; downloaded version 2 as a stream: 7800 bytes/);
      expect(text).toMatch(/overdue: #\d+ "Draw the mock-ups"/);
      expect(text).toContain("paged through 3 tasks in 2 pages of 2");
      expect(text).toMatch(/tasks: 1 new \(Write the release notes\), 1 updated \(Draw the mock-ups → status 1\)/);
      expect(text).toContain("fetching the root folder: 405 LIMITATION_ERROR");
      expect(text).toContain("a Viewer adding a task: 405 LIMITATION_ERROR");
      expect(text).toMatch(/deleted "Launch [\d-]+" and everything only it held: [1-9]\d* elements/);
      // The printed account never shows a token secret.
      expect(text).not.toMatch(/secret [0-9a-f]{20,}/);
    });
  }
});
