/** What a broken spec reports: each problem with its file, line and path. Shared by load.ts and references.ts. */

export interface SpecProblem {
  file: string;
  path: (string | number)[];
  line?: number;
  message: string;
}

export class SpecError extends Error {
  readonly problems: SpecProblem[];
  constructor(problems: SpecProblem[]) {
    super(`The spec is invalid:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "SpecError";
    this.problems = problems;
  }
}

export function formatProblem(p: SpecProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `  ${where}  at ${formatPath(p.path)}: ${p.message}`;
}

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return "(document)";
  return path.map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join("");
}

/** A parsed spec file, with the line of any path in it. */
export interface ParsedFile<T> {
  file: string;
  data: T;
  lineOf: (path: (string | number)[]) => number | undefined;
}
