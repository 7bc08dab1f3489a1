/** The v4 story: against real Wrike with WRIKE_TOKEN (read-only unless --write), else against the emulator. */
import { doneLine, noCounts, type Counts } from "../counts.js";
import type { Story } from "../story.js";
import { connectToWrike, startEmulator } from "./connect.js";
import { tellEmulatorStory } from "./emulator-story.js";
import { tellWrikeStory } from "./wrike-story.js";

export async function runV4Demo(story: Story, env: Record<string, string | undefined>, write: boolean): Promise<Counts> {
  const counts = noCounts();
  const token = env.WRIKE_TOKEN;
  if (token !== undefined && token !== "") {
    await tellWrikeStory(connectToWrike(env, token, story), story, counts, { write, env });
  } else {
    const target = await startEmulator(env, story);
    try {
      if (write) story.fact("--write changes nothing here: the emulator is a scratch account, and the whole story writes to it");
      await tellEmulatorStory(target, story, counts);
    } finally {
      await target.server.stop();
    }
  }
  story.step(doneLine(counts));
  return counts;
}
