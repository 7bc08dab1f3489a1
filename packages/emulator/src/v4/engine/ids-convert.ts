/** GET /ids: the v4 id of each v2 object the v4 world holds (seeded from the v2 state); unknown ids are left out. */
import type { V4Call } from "./call.js";

export const LEGACY_TYPES = ["ApiV2Task", "ApiV2Folder", "ApiV2Comment", "ApiV2Attachment", "ApiV2Timelog", "ApiV2User", "ApiV2Account", "ApiV2RequestForm"] as const;

export const legacyKey = (type: string, v2Id: string | number) => `${type}:${v2Id}`;

export function convertIds(call: V4Call, type: string | undefined, ids: readonly string[] | undefined): Array<{ id: string; apiV2Id: string }> {
  const out: Array<{ id: string; apiV2Id: string }> = [];
  for (const v2Id of ids ?? []) {
    const v4Id = type === "ApiV2User" && call.state.v2.users.has(v2Id) ? v2Id : call.state.legacyIds.get(legacyKey(type ?? "", v2Id));
    if (v4Id !== undefined) out.push({ id: v4Id, apiV2Id: v2Id });
  }
  return out;
}
