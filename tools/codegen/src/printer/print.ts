/**
 * Turns an emitter's recorded statements into the text of a file: structures.ts prints them and layout.ts
 * lays the text out as TypeScript's formatter would. No syntax tree is built: parsing each file (ts-morph's
 * createSourceFile) and running the language service's formatter on it was most of what generation cost.
 */
import type { StatementStructures } from "ts-morph";
import { layout } from "./layout.js";
import { printStatements as printStructures } from "./structures.js";

export { UnsupportedStructureError } from "./structures.js";
export { LayoutError } from "./tokens.js";

/** The formatted text of a file made of these statements (without the generated-file header). */
export function printStatements(statements: readonly StatementStructures[]): string {
  return layout(printStructures(statements));
}
