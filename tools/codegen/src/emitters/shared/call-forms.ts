/**
 * The call forms of a v2 method whose result variant a boolean argument selects (wrike.task.filter's
 * `count`): one overload per selected variant, one for the variant returned otherwise, and the general form
 * for arguments whose value is not known statically. The methods and client emitters both declare them.
 */
import type { Method } from "../../model.js";
import { names } from "../../naming.js";
import { argsOptional } from "./method-docs.js";

export interface CallForm {
  argsType: string;
  optional: boolean;
  resultType: string;
}

/** Undefined when no argument selects the result (one form: the arguments and the result type). */
export function callForms(m: Method): CallForm[] | undefined {
  const selected = m.variants.filter((v) => v.whenArgument);
  const otherwise = m.variants.find((v) => !v.whenArgument);
  if (selected.length === 0 || otherwise === undefined) return undefined;
  const args = `t.${names.argsType(m)}`;
  const optional = argsOptional(m);
  return [
    ...selected.map((v) => ({ argsType: `${args} & { ${v.whenArgument!.name}: ${v.whenArgument!.equals} }`, optional: false, resultType: `t.${v.model}` })),
    { argsType: `${args} & { ${selected.map((v) => `${v.whenArgument!.name}?: ${!v.whenArgument!.equals}`).join("; ")} }`, optional, resultType: `t.${otherwise.model}` },
    { argsType: args, optional, resultType: `t.${names.resultType(m)}` },
  ];
}
