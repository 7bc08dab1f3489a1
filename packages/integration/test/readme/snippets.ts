/**
 * The TypeScript snippets of the repository's READMEs (the root, spec/ and every package's), as files that
 * tsc can check and vitest can import. A snippet is a fenced block whose info string starts with `ts` or
 * `tsx`; `compile-only` after it (```ts compile-only) marks one that needs what a test cannot give it (a
 * browser, a real account, a test runner's hooks) and is type-checked but not run.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface Snippet {
  /** README path from the repository root, and the line of the snippet's first code line. */
  readme: string;
  line: number;
  lang: "ts" | "tsx";
  runnable: boolean;
  code: string;
  /** The file it is written to. */
  file: string;
}

/**
 * READMEs this test leaves out. msw, react and webhooks check their own snippets against their built package
 * (packages/{msw,react,webhooks}/test/readme.test.ts), with the preludes their browser and server snippets
 * need; mcp's README is configuration (JSON) and one TypeScript table example that does not yet declare what
 * it assumes. Folding the package checks into this one is open work.
 */
export const PENDING_READMES = ["packages/mcp/README.md", "packages/webhooks/README.md", "packages/msw/README.md", "packages/react/README.md"];

export function readmePaths(): string[] {
  const packages = readdirSync(join(repoRoot, "packages")).map((name) => `packages/${name}/README.md`);
  return ["README.md", "spec/README.md", ...packages].filter((path) => existsSync(join(repoRoot, path)) && !PENDING_READMES.includes(path));
}

/** An opening fence, possibly indented (a block inside a list item): its indentation, language and the rest. */
const FENCE = /^( *)```(\S*)(.*)$/;

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
    if (lang === "ts" || lang === "tsx") {
      const name = `${readme.replace(/\/README\.md$|README\.md$/, "").replace(/\//g, "-") || "root"}-${i + 2}.${lang}`;
      const code = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n");
      snippets.push({ readme, line: i + 2, lang, runnable: !/\bcompile-only\b/.test(open[3]!) && lang === "ts", code, file: join(outDir, name) });
    }
    i = end;
  }
  return snippets;
}

/** Strict, with exactOptionalPropertyTypes: what the strictest consumer compiles with. */
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
