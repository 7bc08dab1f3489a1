/** Which operations a server exposes: the tool set and the two safety switches. */
import type { ToolDefinition } from "./table.js";

/** `default`: the spec's default set; `all`: every operation; `dynamic`: three tools that list, describe and invoke operations. */
export type ToolMode = "default" | "all" | "dynamic";

export interface ToolPolicy {
  mode: ToolMode;
  /** No operation that writes is exposed or invocable. */
  readOnly: boolean;
  /** Delete operations are exposed (they never are without it). */
  allowDelete: boolean;
}

/** Why `tool` may not be called under `policy`, or undefined when it may. */
export function refusal(tool: ToolDefinition, policy: ToolPolicy): string | undefined {
  if (policy.readOnly && tool.writes) return `${tool.name} changes data and this server runs with --read-only`;
  if (tool.deletes && !policy.allowDelete) return `${tool.name} deletes data and this server runs without --allow-delete`;
  return undefined;
}

/** The operations the policy permits; in `default` mode only those of the default set. */
export function permittedOperations(tools: readonly ToolDefinition[], policy: ToolPolicy): ToolDefinition[] {
  return tools.filter((tool) => refusal(tool, policy) === undefined && (policy.mode !== "default" || tool.default));
}
