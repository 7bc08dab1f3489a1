import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
const entry = `import { createTransport, taskGet, wrikeV2Api } from "@wrikekit/client";
const transport = createTransport(wrikeV2Api, { auth: { kind: "bearer", token: "TOKEN" } });
taskGet(transport, { id: 369812 }).then((task) => console.log(task.title));`;
const core = "/work/main/packages/core/dist";
const rewrite = (filter, edits) => ({ name: "rw" + filter, setup(b) { b.onLoad({ filter }, (a) => { let c = readFileSync(a.path, "utf8"); for (const [x, y] of edits) { if (x instanceof RegExp ? !x.test(c) : !c.includes(x)) throw new Error("no " + x + " in " + a.path); c = c.replace(x, y); } return { contents: c, loader: "js", resolveDir: a.path.replace(/\/[^/]+$/, "") }; }); } });
const stubOauth = rewrite(/core\/dist\/exchange\.js$/, [['import { signRequest } from "./oauth1/index.js";', "const signRequest = async () => { throw new Error('oauth1 not bundled'); };"]]);
const directNs = [
  rewrite(/client\/dist\/generated\/decoders\.js$/, [['import { decode as d } from "@wrikekit/core/runtime";', `import * as d from "${core}/runtime/decode.js";`]]),
  rewrite(/client\/dist\/generated\/encoders\.js$/, [['import { encode as e } from "@wrikekit/core/runtime";', `import * as e from "${core}/runtime/encode.js";`]]),
];
const noOauth2 = rewrite(/core\/dist\/exchange\.js$/, [
  ['import { signRequest } from "./oauth1/index.js";', "const signRequest = async () => { throw new Error('oauth1 not bundled'); };"],
  [/const host = options\.auth\.kind === "oauth2"[\s\S]*?\.origin;/, 'return api.baseUrl.replace(/\\/$/, "");'],
  [/case "oauth2": \{[\s\S]*?\}\n/, ""],
  [/if \(options\.auth\.kind === "oauth2"\)\n\s*await options\.auth\.session\.accessToken\(\);/, ""],
  [/if \(options\.auth\.kind === "oauth2" && !refreshed[\s\S]*?continue;\n\s*\}/, ""],
  [/async function isCredentialsRejection[\s\S]*?=== 402;\n\s*\}/, ""],
]);
const noLimiter = rewrite(/core\/dist\/transport\.js$/, [['import { createRateLimiter } from "./resilience/rate-limiter.js";', "const createRateLimiter = () => undefined;"]]);
for (const [name, plugins] of [["no oauth1, no oauth2, direct ns", [noOauth2, ...directNs]], ["... and no rate limiter", [noOauth2, noLimiter, ...directNs]], ["as is", []], ["oauth1 out", [stubOauth]], ["runtime namespaces direct", directNs], ["both", [stubOauth, ...directNs]]]) {
  const r = await build({ stdin: { contents: entry, resolveDir: "/work/main/bench", loader: "js" }, bundle: true, platform: "browser", format: "esm", minify: true, write: false, metafile: true, legalComments: "none", plugins });
  const code = r.outputFiles[0].contents;
  console.log(name.padEnd(30), code.length, gzipSync(code, { level: 9 }).length);
  if (name === "both") { for (const [p, i] of Object.entries(Object.values(r.metafile.outputs)[0].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,12)) console.log("  ", i.bytesInOutput, p.replace(/.*(packages|node_modules)\//, "")); (await import("node:fs")).writeFileSync("/tmp/oneMethod2.js", code); }
}
