/** Checks and merges shared by several groups: user ids, metadata and custom field values (null removes). */
import type { CustomFieldValue as CustomFieldInputValue, Metadata } from "@wrikekit/client";
import type { V4Call } from "./call.js";
import { invalidParameter } from "./errors.js";
import type { CustomFieldValue, MetadataEntry, V4State } from "./state.js";

const METADATA_KEY = /^[A-Za-z0-9_-]{1,49}$/;

/**
 * The one empty list every record starts with (most tasks have no subtasks, dependencies, metadata or
 * custom fields): 100,000 tasks then hold no empty arrays of their own. Lists are replaced, never
 * changed in place, so sharing it is safe; it is frozen, so a push would fail loudly.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

export function requireUsers(state: V4State, ids: readonly string[] | undefined, argument: string): string[] {
  if (ids === undefined || ids.length === 0) return NONE;
  for (const id of ids) if (!state.v2.users.has(id)) throw invalidParameter(argument, `no user or invitation has the id ${JSON.stringify(id)}`);
  return [...ids];
}

export function union(base: readonly string[], add: readonly string[] | undefined, remove: readonly string[] = NONE): string[] {
  if ((add === undefined || add.length === 0) && remove.length === 0) return base as string[];
  const out = base.filter((id) => !remove.includes(id));
  for (const id of add ?? []) if (!out.includes(id) && !remove.includes(id)) out.push(id);
  return out;
}

/** A metadata filter (exact match for a key, or for a key and value) against a record's entries. */
export function matchesMetadata(entries: readonly MetadataEntry[], filter: { key?: string; value?: string | null } | undefined): boolean {
  return filter === undefined || entries.some((m) => m.key === filter.key && (filter.value === undefined || filter.value === null || m.value === filter.value));
}

/** As the client sends it: a null value removes the entry. */
export type MetadataInput = Metadata;

/** Sets each key; a null value removes the entry (as Wrike documents). */
export function mergeMetadata(current: readonly MetadataEntry[], input: readonly MetadataInput[] | MetadataInput | undefined, argument = "metadata"): MetadataEntry[] {
  if (input === undefined) return current as MetadataEntry[];
  const out = current.map((m) => ({ ...m }));
  for (const [i, entry] of (Array.isArray(input) ? input : [input]).entries()) {
    if (entry.key === undefined || !METADATA_KEY.test(entry.key)) throw invalidParameter(`${argument}[${i}].key`, "must be 1 to 49 characters of A-Z, a-z, 0-9, _ and -");
    const at = out.findIndex((m) => m.key === entry.key);
    if (entry.value === null || entry.value === undefined) {
      if (at >= 0) out.splice(at, 1);
    } else if (entry.value.length >= 1000) throw invalidParameter(`${argument}[${i}].value`, "must be shorter than 1000 characters");
    else if (at >= 0) out[at]!.value = entry.value;
    else out.push({ key: entry.key, value: entry.value });
  }
  return out;
}

/** As the client sends it; the argument is nullable, so a value may be null (it clears the field). */
export type CustomFieldInput = Omit<CustomFieldInputValue, "value"> & { value?: string | null };

/** Sets custom field values; null or "" clears one. Every id must name a custom field. */
export function mergeCustomFields(call: V4Call, current: readonly CustomFieldValue[], input: readonly CustomFieldInput[] | undefined): CustomFieldValue[] {
  if (input === undefined) return current as CustomFieldValue[];
  const out = current.map((c) => ({ ...c }));
  for (const [i, entry] of input.entries()) {
    if (entry.id === undefined || !call.state.customFields.has(entry.id)) throw invalidParameter(`customFields[${i}].id`, `no custom field has the id ${JSON.stringify(entry.id)}`);
    if (typeof entry.value === "string" && entry.value.length > 2000) throw invalidParameter(`customFields[${i}].value`, "must be at most 2000 characters");
    const at = out.findIndex((c) => c.id === entry.id);
    if (entry.value === null || entry.value === undefined || entry.value === "") {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) out[at]!.value = entry.value;
    else out.push({ id: entry.id, value: entry.value });
  }
  return out;
}

export function requireTitle(title: string, argument = "title"): string {
  if (title.trim() === "") throw invalidParameter(argument, "must not be empty");
  return title;
}
