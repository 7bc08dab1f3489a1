/**
 * Type-checks the TypeScript snippets of a package README as a user's project would compile them: every
 * ```ts / ```tsx block becomes a module of a scratch project inside the package (so the package and its
 * dependencies resolve as installed, the package by its own name through its exports), compiled by tsc
 * under strict with exactOptionalPropertyTypes. A block may use names the README leaves to the reader
 * (a token, the app's root): the caller declares them in `prelude`. Returns tsc's diagnostics ("" if none).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The ```ts and ```tsx blocks of a Markdown text, with their language. */
export function snippets(markdown) {
  return [...markdown.matchAll(/^```(ts|tsx)\n([\s\S]*?)^```/gm)].map(([, lang, code]) => ({ lang, code }));
}

export function checkReadmeSnippets({ packageDir, prelude = "" }) {
  const blocks = snippets(readFileSync(join(packageDir, "README.md"), "utf8"));
  const dir = join(packageDir, ".readme-snippets");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  try {
    const files = blocks.map((b, i) => {
      const file = `snippet-${i + 1}.${b.lang}`;
      writeFileSync(join(dir, file), `${prelude}\n${b.code}\nexport {};\n`);
      return file;
    });
    const compilerOptions = {
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      jsx: "react-jsx",
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    const tsc = join(dirname(createRequire(join(packageDir, "package.json")).resolve("typescript/package.json")), "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
      return { count: blocks.length, diagnostics: "" };
    } catch (e) {
      return { count: blocks.length, diagnostics: `${e.stdout}${e.stderr}`, sources: Object.fromEntries(files.map((f, i) => [f, blocks[i].code])) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
