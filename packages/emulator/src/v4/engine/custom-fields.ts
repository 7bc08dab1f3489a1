/** Custom fields of the account or a space; task and folder values refer to them by id. */
import { callerId, requireFullUser, type V4Call } from "./call.js";
import { invalidParameter, notFound } from "./errors.js";
import { newId, type CustomFieldRecord } from "./state.js";
import { requireTitle, requireUsers, union } from "./values.js";

export function createCustomField(call: V4Call, args: { title: string; type: string; spaceId?: string; shareds?: string[]; settings?: Record<string, unknown>; description?: string }): CustomFieldRecord {
  requireFullUser(call, "create custom fields");
  if (args.spaceId !== undefined && !call.state.spaces.has(args.spaceId)) throw invalidParameter("spaceId", `no space has the id ${JSON.stringify(args.spaceId)}`);
  const field: CustomFieldRecord = {
    id: newId(call.state, "customField"),
    title: requireTitle(args.title),
    type: args.type,
    description: args.description ?? "",
    spaceId: args.spaceId,
    sharedIds: union([callerId(call)], requireUsers(call.state, args.shareds, "shareds")),
    settings: { ...(args.settings ?? {}) },
  };
  call.state.customFields.set(field.id, field);
  return field;
}

export function visibleCustomField(call: V4Call, id: string): CustomFieldRecord {
  const field = call.state.customFields.get(id);
  if (field === undefined) throw notFound("Custom field", id);
  return field;
}

export function updateCustomField(
  call: V4Call,
  args: { customfieldId: string; title?: string; type?: string; spaceId?: string; addShareds?: string[]; removeShareds?: string[]; settings?: Record<string, unknown>; description?: string },
): CustomFieldRecord {
  requireFullUser(call, "change custom fields");
  const field = visibleCustomField(call, args.customfieldId);
  if (args.title !== undefined) field.title = requireTitle(args.title);
  if (args.type !== undefined) field.type = args.type;
  if (args.description !== undefined) field.description = args.description;
  if (args.spaceId !== undefined) field.spaceId = args.spaceId;
  if (args.settings !== undefined) field.settings = { ...field.settings, ...args.settings };
  field.sharedIds = union(field.sharedIds, requireUsers(call.state, args.addShareds, "addShareds"), args.removeShareds);
  return field;
}

export function listCustomFields(call: V4Call, args: { spaceId?: string; title?: string; types?: string[] }): CustomFieldRecord[] {
  return [...call.state.customFields.values()].filter(
    (f) =>
      (args.spaceId === undefined || f.spaceId === args.spaceId) &&
      (args.title === undefined || f.title.toLowerCase().includes(args.title.toLowerCase())) &&
      (args.types === undefined || args.types.includes(f.type)),
  );
}
