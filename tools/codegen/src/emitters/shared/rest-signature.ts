/**
 * The TypeScript signature of a v4 (REST) method, said once for the standalone function (methods.ts) and
 * the client's member (client.ts): a `fields`-selecting method is generic over the fields it is given, a
 * token-paged one returns a PagePromise over its items.
 */
import type { Ir, Method } from "../../model.js";
import { names, responseType } from "../../naming.js";
import { variantSignature } from "./envelope-variants.js";

export interface RestSignature {
  /** `<const F extends readonly t.TaskField[] = []>` or "". */
  typeParameters: string;
  argsType: string;
  /** The decoded answer (one page for paged methods). */
  resultType: string;
  /** What the call returns: Promise<result>, PagePromise<page, item> or Promise<Download>. */
  returnType: string;
  /** For paged methods: the item type. */
  itemType?: string;
  /** The default of optional arguments (`{}`; cast where the arguments' type is a type parameter). */
  argsDefault: string;
}

export function restSignature(m: Method): RestSignature {
  if (m.envelopeVariants) {
    const v = variantSignature(m);
    return { ...v, argsDefault: "{} as never", returnType: m.paging?.kind === "pageToken" ? `PagePromise<${v.resultType}, ${v.itemType}>` : `Promise<${v.resultType}>` };
  }
  const select = m.selects && m.args.find((a) => a.name === m.selects!.arg)!;
  const fieldType = select && (select.type.kind === "scalar" ? "string" : `t.${select.type.name}`);
  const typeParameters = select ? `<const F extends readonly ${fieldType}[] = []>` : "";
  const argsType = select ? `t.${names.argsType(m)} & { readonly ${select.name}?: F }` : `t.${names.argsType(m)}`;
  const argsDefault = "{}";
  if (m.binary) return { typeParameters, argsType, resultType: "Download", returnType: "Promise<Download>", argsDefault };
  const resultType = `t.${names.resultType(m)}${select ? "<F>" : ""}`;
  if (m.paging?.kind !== "pageToken" || !m.envelope) return { typeParameters, argsType, resultType, returnType: `Promise<${resultType}>`, argsDefault };
  const item = m.envelope.item.kind === "scalar" ? responseType({ ...m.envelope.item, list: false }) : `t.${m.envelope.item.name}`;
  const itemType = select ? `t.Selected<${item}, F>` : item;
  return { typeParameters, argsType, resultType, itemType, returnType: `PagePromise<${resultType}, ${itemType}>`, argsDefault };
}

/** The arguments of the API's job poll (api.yaml asyncJobs) and the method that polls. */
export function jobPoll(ir: Ir): { method: Method; idArg: string; statusField: string; pending: string[] } | undefined {
  const jobs = ir.api.asyncJobs;
  if (!jobs) return undefined;
  const method = ir.methods.find((m) => m.id === jobs.pollMethod)!;
  return { method, idArg: jobs.idArg, statusField: jobs.statusField, pending: jobs.pendingStatuses };
}
