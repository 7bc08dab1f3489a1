/**
 * Turns an emitter's recorded statements into the text of a file: ts-morph's structure printer writes them
 * (what `project.createSourceFile(path, { statements })` does before it parses), and layout.ts lays the text
 * out as TypeScript's formatter would. No syntax tree is built: parsing each file and running the language
 * service's formatter on it was most of what generation cost.
 */
import { IndentationText, Project, type CodeBlockWriter, type StatementStructures } from "ts-morph";
import { layout } from "./layout.js";

/**
 * The part of ts-morph's project context that prints structures. ts-morph exposes it only through
 * createSourceFile, which parses what it printed; it is read here from `Project._context` (ts-morph is
 * pinned to one version in package.json, and a change there fails this check, not the output).
 */
interface StructurePrinting {
  createWriter(): CodeBlockWriter;
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): { printText(writer: CodeBlockWriter, structure: { statements: StatementStructures[] }): void };
  };
}

let printing: StructurePrinting | undefined;

function structurePrinting(): StructurePrinting {
  if (printing) return printing;
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces } });
  const context = (project as unknown as { _context?: Partial<StructurePrinting> })._context;
  if (typeof context?.createWriter !== "function" || typeof context.structurePrinterFactory?.forSourceFile !== "function")
    throw new Error("@wrikekit/codegen: this ts-morph version has no Project._context.structurePrinterFactory; pin the version in tools/codegen/package.json or adapt src/printer/print.ts");
  return (printing = context as StructurePrinting);
}

/** The formatted text of a file made of these statements (without the generated-file header). */
export function printStatements(statements: StatementStructures[]): string {
  const context = structurePrinting();
  const writer = context.createWriter();
  context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, { statements });
  return layout(writer.toString());
}
