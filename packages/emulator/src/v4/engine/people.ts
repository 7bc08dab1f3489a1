/** Contacts, users, groups and the account. People are the v2 state's users with the v4 role and admin rights. */
import { callerId, requireAdmin, type V4Call } from "./call.js";
import { invalidParameter, notFound, V4Error } from "./errors.js";
import { argsWithTokenFilters, filterScope, pageInIdOrder, scanOf, type Page } from "./paging.js";
import { newId, type GroupRecord } from "./state.js";
import { matchesMetadata, mergeMetadata, requireTitle, requireUsers, union, type MetadataInput } from "./values.js";

export function contactIds(call: V4Call, args: { me?: boolean; deleted?: boolean; name?: string; emails?: string[]; metadata?: { key?: string; value?: string | null } }): string[] {
  const { state } = call;
  return [...state.v2.users.values()]
    .filter((u) => {
      const person = state.people.get(u.uid);
      return (
        (args.me !== true || u.uid === callerId(call)) &&
        (args.deleted === undefined || (person?.deleted ?? false) === args.deleted) &&
        (args.name === undefined || `${u.firstName} ${u.lastName}`.toLowerCase().includes(args.name.toLowerCase())) &&
        (args.emails === undefined || args.emails.includes(u.email)) &&
        matchesMetadata(person?.metadata ?? [], args.metadata)
      );
    })
    .map((u) => u.uid);
}

export function requireContact(call: V4Call, id: string): string {
  if (!call.state.v2.users.has(id)) throw notFound("Contact", id);
  return id;
}

/** PUT /contacts/{id}: metadata of one's own contact (an admin may change anyone's). */
export function updateContact(call: V4Call, args: { contactId: string; metadata?: MetadataInput[] }): string {
  requireContact(call, args.contactId);
  if (args.contactId !== callerId(call)) requireAdmin(call, "change another user's contact");
  const person = call.state.people.get(args.contactId)!;
  person.metadata = mergeMetadata(person.metadata, args.metadata);
  return args.contactId;
}

interface ProfileInput {
  accountId?: string;
  role?: string;
  external?: boolean;
  admin?: boolean;
  owner?: boolean;
}

/** PUT /users/{id}: one of profile (deprecated), userTypeId (user types are not modelled: accepted, nothing changes) or active. */
export function updateUser(call: V4Call, args: { userId: string; profile?: ProfileInput; userTypeId?: string; active?: boolean }): string {
  requireAdmin(call, "change users");
  requireContact(call, args.userId);
  const given = (["profile", "userTypeId", "active"] as const).filter((name) => args[name] !== undefined);
  if (given.length === 0) throw new V4Error(400, "parameter_required", "Missing required parameter: one of profile, userTypeId, active");
  if (given.length > 1) throw invalidParameter(given[1]!, `cannot be sent with ${given[0]}: profile, userTypeId and active are mutually exclusive`);
  const person = call.state.people.get(args.userId)!;
  const { role, admin } = args.profile ?? {};
  if (role !== undefined) {
    if (role !== "User" && role !== "Collaborator") throw invalidParameter("profile.role", `expected User or Collaborator, got ${JSON.stringify(role)}`);
    person.role = role;
  }
  if (admin !== undefined) {
    if (person.owner && !admin) throw invalidParameter("profile.admin", "the account owner is always an admin");
    person.admin = admin;
  }
  if (args.active === false && person.owner) throw invalidParameter("active", "the account owner cannot be deactivated");
  if (args.active !== undefined) person.deleted = !args.active;
  return args.userId;
}

const GROUP_PAGING_ARGS = new Set(["pageSize", "pageToken", "fields"]);

/** GET /groups: filtered by metadata, paged; a page token brings its own filter (it overrides the request's). */
export function groupsPage(call: V4Call, path: string, request: { metadata?: { key?: string; value?: string | null }; pageSize?: number; pageToken?: string }): Page<GroupRecord> {
  const args = argsWithTokenFilters(request, path, "pageToken", GROUP_PAGING_ARGS) as typeof request;
  const scope = filterScope(path, args, GROUP_PAGING_ARGS);
  return pageInIdOrder({ pageSize: args.pageSize, nextPageToken: args.pageToken }, scope, scanOf([...call.state.groups.values()]), (g) => matchesMetadata(g.metadata, args.metadata), undefined, "pageToken");
}

export function createGroup(call: V4Call, args: { title: string; members?: string[]; parent?: string; metadata?: MetadataInput[] }): GroupRecord {
  requireAdmin(call, "create groups");
  if (args.parent !== undefined && !call.state.groups.has(args.parent)) throw invalidParameter("parent", `no group has the id ${JSON.stringify(args.parent)}`);
  const group: GroupRecord = {
    id: newId(call.state, "group"),
    title: requireTitle(args.title),
    memberIds: requireUsers(call.state, args.members, "members"),
    parentIds: args.parent === undefined ? [] : [args.parent],
    metadata: mergeMetadata([], args.metadata),
  };
  call.state.groups.set(group.id, group);
  return group;
}

export function visibleGroup(call: V4Call, id: string): GroupRecord {
  const group = call.state.groups.get(id);
  if (group === undefined) throw notFound("Group", id);
  return group;
}

export function updateGroup(call: V4Call, args: { groupId: string; title?: string; addMembers?: string[]; removeMembers?: string[]; parent?: string; metadata?: MetadataInput[] }): GroupRecord {
  requireAdmin(call, "change groups");
  const group = visibleGroup(call, args.groupId);
  if (args.title !== undefined) group.title = requireTitle(args.title);
  group.memberIds = union(group.memberIds, requireUsers(call.state, args.addMembers, "addMembers"), args.removeMembers);
  if (args.parent !== undefined) {
    if (args.parent === group.id || !call.state.groups.has(args.parent)) throw invalidParameter("parent", `${JSON.stringify(args.parent)} cannot be this group's parent`);
    group.parentIds = [args.parent];
  }
  group.metadata = mergeMetadata(group.metadata, args.metadata);
  return group;
}

export function deleteGroup(call: V4Call, id: string): GroupRecord {
  requireAdmin(call, "delete groups");
  const group = visibleGroup(call, id);
  call.state.groups.delete(id);
  for (const g of call.state.groups.values()) g.parentIds = g.parentIds.filter((p) => p !== id);
  return group;
}

export function updateAccount(call: V4Call, metadata: MetadataInput[] | undefined): void {
  requireAdmin(call, "change the account");
  call.state.accountMetadata = mergeMetadata(call.state.accountMetadata, metadata);
}
