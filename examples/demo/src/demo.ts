/** Runs one story, v4 (the default) or v2, and hands back what it printed and made. */
import type { ApiVersion } from "./args.js";
import type { Counts } from "./counts.js";
import { createStory } from "./story.js";
import { runV2Demo } from "./v2/walkthrough.js";
import { runV4Demo } from "./v4/index.js";

export interface DemoOptions {
  api?: ApiVersion;
  /** v4 against real Wrike: work inside a scratch folder (default: read only). */
  write?: boolean;
  env?: Record<string, string | undefined>;
  print?: (line: string) => void;
  /** Aborted on Ctrl-C (main.ts): the story stops, cleans up what it made, and rejects with DemoInterrupted. */
  signal?: AbortSignal;
}

export interface DemoSummary extends Counts {
  api: ApiVersion;
  lines: string[];
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  const { api = "v4", write = false, env = process.env } = options;
  const story = createStory(options.print);
  const counts = api === "v2" ? await runV2Demo(story, env) : await runV4Demo(story, env, write, options.signal);
  return { api, lines: story.lines, ...counts };
}
