/**
 * The TypeScript snippets of every README.md in the repository (the root, spec/, tools/, examples/ and every
 * package's), as files that tsc can check and vitest can import. This is the one README snippet mechanism.
 *
 * A snippet is a fenced block whose info string is `ts` or `tsx`, marked by what follows the language:
 *   ```ts               compiled, and run against the in-process emulator (readme-snippets.test.ts)
 *   ```ts compile-only  compiled only: it needs what a test cannot give it (a browser, a real account, a
 *                       port of its own, a test runner's hooks, your database)
 *   ```tsx              compiled only (JSX renders in a browser), against the DOM lib
 *   ```ts deno          left out here: it uses Deno's globals, and `pnpm test:deno` checks it with deno check
 * Any other language (```sh, ```json, ```text, ...) is not TypeScript and is not checked. A `ts` block with
 * another mark is an error, so a typo cannot turn a check off.
 *
 * Each snippet is a module of its own: the names it assumes (a token, the receiver of the block above) it
 * declares with `declare const`, as a reader's project would have them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

export type SnippetMode = "run" | "compile-only";

export interface Snippet {
  /** README path from the repository root, and the line of the snippet's first code line. */
  readme: string;
  line: number;
  lang: "ts" | "tsx";
  mode: SnippetMode;
  code: string;
  /** The file it is written to. */
  file: string;
}

/** Folders that hold no README of ours: dependencies, build output, scratch space (as .gitignore lists them). */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".turbo", "coverage", "tmp", ".readme-snippets"]);

/** Every README.md under the repository root, as paths from it. */
export function readmePaths(dir = repoRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...readmePaths(join(dir, entry.name)));
    else if (entry.isFile() && entry.name === "README.md") found.push(relative(repoRoot, join(dir, entry.name)));
  }
  return found.sort();
}

/** An opening fence, possibly indented (a block inside a list item): its indentation, language and the rest. */
const FENCE = /^( *)```(\S*)(.*)$/;

function modeOf(readme: string, line: number, lang: "ts" | "tsx", mark: string): SnippetMode {
  if (mark === "compile-only" || (mark === "" && lang === "tsx")) return "compile-only";
  if (mark === "") return "run";
  throw new Error(`${readme}:${line}: unknown snippet mark ${JSON.stringify(mark)} (a ts block is plain \`\`\`ts, or \`\`\`ts compile-only)`);
}

export function extractSnippets(readme: string, text: string, outDir: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(`${indent}\`\`\``));
    if (end < 0) throw new Error(`${readme}:${i + 1}: a fenced block is not closed`);
    const lang = open[2];
    const mark = open[3]!.trim();
    if ((lang === "ts" || lang === "tsx") && !(lang === "ts" && mark === "deno")) {
      const name = `${readme.replace(/\/?README\.md$/, "").replace(/\//g, "-") || "root"}-${i + 2}.${lang}`;
      const code = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n");
      snippets.push({ readme, line: i + 2, lang, mode: modeOf(readme, i + 1, lang, mark), code, file: join(outDir, name) });
    }
    i = end;
  }
  return snippets;
}

/** Strict, with exactOptionalPropertyTypes: what the strictest consumer compiles with; DOM for browser snippets. */
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: "react-jsx",
    types: ["node"],
  },
  include: ["*.ts", "*.tsx"],
};

/** Writes every snippet as an ES module (top-level await allowed) into `outDir`, with the tsconfig above. */
export function writeSnippets(outDir: string): Snippet[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(outDir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  const snippets = readmePaths().flatMap((readme) => extractSnippets(readme, readFileSync(join(repoRoot, readme), "utf8"), outDir));
  // `export {}` keeps a snippet without imports a module, so its names and top-level await stay its own.
  for (const s of snippets) writeFileSync(s.file, `${s.code}\nexport {};\n`);
  return snippets;
}

/** The names a snippet leaves to its reader (`declare const a: string, b: string;`, `declare function f()`). */
export function declaredNames(code: string): string[] {
  const names: string[] = [];
  for (const [, kind, rest] of code.matchAll(/^declare (const|let|function) ([^;=]+)/gm)) {
    if (kind === "function") names.push(/^\w+/.exec(rest!)![0]);
    else for (const part of rest!.split(/,(?![^<({[]*[>)}\]])/)) names.push(part.trim().split(/[\s:]/)[0]!);
  }
  return names;
}

/** A tsc diagnostic line `file(line,col): error TS1234: text`, mapped back to its README line. */
export function locate(diagnostics: string, snippets: readonly Snippet[]): string[] {
  return diagnostics
    .split("\n")
    .filter((l) => /error TS\d+/.test(l))
    .map((l) => {
      const m = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(l.trim());
      const snippet = m && snippets.find((s) => basename(s.file) === basename(m[1]!));
      return snippet ? `${snippet.readme}:${snippet.line + Number(m[2]) - 1}:${m[3]} ${m[4]}` : l;
    });
}
