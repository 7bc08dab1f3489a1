/**
 * The TypeScript of a v4 method with several answers told apart by their kind (spec `response.variants`,
 * GET /folders: the folder tree, or folders when filtered): one named type per answer with its literal
 * kind, so a result narrows on `kind`, and the method's result type following its arguments where the
 * reference's rule says which answer they give. Methods with one answer use none of this.
 */
import type { EnvelopeVariant, Method } from "../../model.js";
import { names } from "../../naming.js";
import { pascal } from "../../model.js";

/** The type parameter a variant method's functions take: the arguments as given, e.g. `const A extends t.FoldersListArgs = {}`. */
export const ARGS_PARAMETER = "A";

/** The named type of one answer, e.g. FoldersListFolderTree, FoldersListFolders. */
export const variantTypeName = (m: Method, v: EnvelopeVariant) => `${m.typePrefix}${pascal(v.kind)}`;

/** Whether a variant's items are the model the method's `fields` argument selects from (the selection applies to them). */
export const selectsFrom = (m: Method, v: EnvelopeVariant) => m.selects !== undefined && v.item.kind === "model" && v.item.name === m.selects.model;

/** A variant's type as a type expression in types.ts, given the selected fields' type for the variant that selects. */
export function variantType(m: Method, v: EnvelopeVariant, fields: string): string {
  return `${variantTypeName(m, v)}${selectsFrom(m, v) ? `<${fields}>` : ""}`;
}

/** The names a call of a variant method may give without changing the default answer: path arguments, and the default's neutral ones. */
function neutralNames(m: Method): string[] {
  return [...m.args.filter((a) => a.in === "path").map((a) => a.name), ...(m.envelopeVariants![0]!.neutralArguments ?? [])];
}

const union = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(" | ");

/**
 * The result type over the arguments `A` (types.ts): the first variant one of whose arguments A certainly
 * gives; else the default when A gives nothing but neutral arguments; else (arguments the rule does not
 * speak of, or a value not known statically) any of the variants.
 */
export function variantResultType(m: Method): string {
  const [first, ...others] = m.envelopeVariants!;
  const fields = m.selects ? `FieldsAsked<${ARGS_PARAMETER}, ${JSON.stringify(m.selects.arg)}>` : "[]";
  const all = m.envelopeVariants!.map((v) => variantType(m, v, fields)).join(" | ");
  const neutral = neutralNames(m);
  const otherwise = `[Exclude<keyof ${ARGS_PARAMETER}, ${neutral.length > 0 ? union(neutral) : "never"}>] extends [never] ? ${variantType(m, first!, fields)} : ${all}`;
  return others.reduceRight((rest, v) => `[ArgumentsGiven<${ARGS_PARAMETER}, ${union(v.whenAnyArgument!)}>] extends [never] ? ${rest} : ${variantType(m, v, fields)}`, otherwise);
}

/** The signature parts of a variant method's functions (rest-signature.ts). */
export function variantSignature(m: Method): { typeParameters: string; argsType: string; resultType: string; itemType: string } {
  const args = `t.${names.argsType(m)}`;
  const resultType = `t.${names.resultType(m)}<${ARGS_PARAMETER}>`;
  return {
    // No arguments given: the default answer, when a call may give none.
    typeParameters: `<const ${ARGS_PARAMETER} extends ${args} = ${m.args.some((a) => a.required) ? args : "{}"}>`,
    // Inferring A from the call loses the check of unknown arguments: KnownArguments restores it.
    argsType: `t.KnownArguments<${ARGS_PARAMETER}, ${args}>`,
    resultType,
    itemType: `${resultType}["data"][number]`,
  };
}

/** The helper types types.ts declares once when some method has variants. */
export const VARIANT_HELPER_TYPES = [
  {
    name: "ArgumentsGiven",
    typeParameters: [{ name: "A" }, { name: "K", constraint: "PropertyKey" }],
    type: "{ [P in K & keyof A]-?: undefined extends A[P] ? never : P }[K & keyof A]",
    docs: "The arguments among K that arguments of type A certainly give (present and not undefined); never when none.",
  },
  {
    name: "FieldsAsked",
    typeParameters: [{ name: "A" }, { name: "K", constraint: "PropertyKey" }],
    type: "A extends { readonly [P in K]: infer F extends readonly string[] } ? F : []",
    docs: "The fields a `fields`-style argument K of arguments A asks for, as a tuple; [] when A does not give it.",
  },
  {
    name: "KnownArguments",
    typeParameters: [{ name: "A" }, { name: "T" }],
    type: "A & { readonly [K in Exclude<keyof A, keyof T>]: never }",
    docs: "Arguments A with every name that is not an argument of T refused (a misspelt argument is an error, as with a plain T).",
  },
] as const;
