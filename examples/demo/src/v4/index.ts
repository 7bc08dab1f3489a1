/** The v4 story: against real Wrike with WRIKE_TOKEN (read-only unless --write), else against the emulator. */
import { DemoUsageError } from "../args.js";
import { doneLine, noCounts, type Counts } from "../counts.js";
import { unlessInterrupted } from "../interrupt.js";
import type { Story } from "../story.js";
import { connectToWrike, startEmulator } from "./connect.js";
import { tellEmulatorStory } from "./emulator-story.js";
import { tellWrikeStory } from "./wrike-story.js";

export async function runV4Demo(story: Story, env: Record<string, string | undefined>, write: boolean, signal?: AbortSignal): Promise<Counts> {
  const counts = noCounts();
  // A token pasted with a line break or spaces around it is the same token; a blank one is none.
  const token = env.WRIKE_TOKEN?.trim();
  if (env.WRIKE_TOKEN_SECRET) throw new DemoUsageError("WRIKE_TOKEN_SECRET is set, so WRIKE_TOKEN looks like a v2 OAuth 1.0a token; the v4 story needs a permanent token in WRIKE_TOKEN alone (or run --api v2 for the v2 story)");
  if (token !== undefined && token !== "") {
    await tellWrikeStory(connectToWrike(env, token, story, signal), story, counts, { write, env, startedAt: new Date(), ...(signal ? { signal } : {}) });
  } else {
    const target = await startEmulator(env, story);
    try {
      if (write) story.fact("--write changes nothing here: the emulator is a scratch account, and the whole story writes to it");
      // Interrupted, the emulator (and everything the story made in it) is stopped in place.
      await unlessInterrupted(tellEmulatorStory(target, story, counts), signal);
    } finally {
      await target.server.stop();
    }
  }
  story.step(doneLine(counts));
  return counts;
}
