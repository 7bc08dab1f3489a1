/**
 * The "why, and what would reach it" text of RESULTS.md for each missed target, filled in with this run's
 * numbers, and findings that have no target. The causes were found by profiling (node --cpu-prof) and
 * are backed by the attribution rows each figure measures next to the product.
 */
import { formatTime, ratio } from "./harness.mjs";

const x = (v) => `${v.toFixed(2)}x`;
const kib = (b) => `${(b / 1024).toFixed(2)} KiB`;

function signing(f) {
  return [
    `### 1. Signing: ${Object.entries(f.ratios)
      .map(([k, v]) => `${k} = ${x(v.value)}`)
      .join(", ")}`,
    "",
    "signRequestSync is the HMAC (node's createHmac) plus RFC 5849's parameter collection, percent-encoding, sorting and header formatting; the bare-HMAC row is the limit. Profile `prepare()` in packages/core/src/oauth1/sign.ts (`node --cpu-prof bench/src/fig1-signing.mjs`) if the miss repeats: one run's miss next to a pass is machine noise.",
  ].join("\n");
}

function validation(f) {
  const r = f.results;
  const ours = "generated decoder (decodeTaskFilterResult)";
  const ajv = "ajv 8 compiled (validate)";
  const vsAjv = f.ratios["ours / ajv"];
  const numeric = f.ratios["ours / ajv, ids already numbers"];
  return [
    `### 2. Validation: the generated decoder is ${x(vsAjv.value)} ajv's time (range ${x(vsAjv.p25)}–${x(vsAjv.p75)}; ${formatTime(r[ours].median)} vs ${formatTime(r[ajv].median)} per 1,000-task document, each timed alone in its own process; hand-written limit ${formatTime(r["hand-written check"].median)})`,
    "",
    `On the same document with every id already a number the decoder is ${numeric ? x(numeric.value) : "n/a"} ajv: that row is the checking both do, without the numeric-string ids the decoder converts and ajv only matches against a pattern. ` +
      "Profile `decodeTask` (packages/client/src/v2/generated/decoders.ts, emitted by tools/codegen/src/emitters/decoders.ts) and the list loops in packages/core/src/runtime/decode.ts with `node --cpu-prof` on a script that decodes fresh JSON.parse copies of the figure's document.",
  ].join("\n");
}

function validationV4(f, miss) {
  const r = f.results;
  const ours = "v4: generated decoder (tasksListMethod.decodeResult)";
  const ajv = "v4: ajv 8 compiled (tasks_list's output schema)";
  return [
    `### 2. Validation, v4: ${miss.shown}`,
    "",
    `${formatTime(r[ours].median)} against ${formatTime(r[ajv].median)} per 1,000-task GET /tasks answer (each contender's median process). ` +
      "A v4 model's decoder is its canonical check (isCanonicalTask and the like in packages/client/src/v4/generated/decoders.ts, emitted by canonicalCheck in tools/codegen/src/emitters/decoders.ts): every field tested by literal code, no context or path, the reporting table walked (d.reportFields) only for an object it refuses. " +
      "Profile it with `node --cpu-prof` on a loop decoding fresh JSON.parse copies of the figure's document, and check with `--trace-turbo-inlining` that the model checks inline into the list loops.",
  ].join("\n");
}

function decoding(f) {
  const r = f.ratios["XML typed / parseXml alone"];
  const before = f.ratios["before / now (XML typed)"];
  return [
    `### 3. Decoding: XML → typed is ${x(r.value)} parseXml alone, and ${x(before.value)} faster than the fast-xml-parser path it replaced`,
    "",
    "What remains is the generated decoder in XML mode (numeric and boolean strings, list wrappers: see figure 2 for the decoder itself) and the parser: profile `Reader` in packages/core/src/xml/parser.ts with `node --cpu-prof` (keyed stores of element names into fresh objects dominate).",
  ].join("\n");
}

function perCall(f) {
  const r = f.ratios["client / hand-written (wall)"];
  const i = f.isolated;
  const rel = (m, base = "hand") => x(i[m].cpuUs / i[base].cpuUs);
  return [
    `### 4. Per-call overhead: ${x(r.value)} the hand-written call (IQR ${r.p25.toFixed(2)}–${r.p75.toFixed(2)})`,
    "",
    `Attribution, one contender per process (CPU per call): hand-written ${i.hand.cpuUs.toFixed(0)} µs; the same with the client's kind of 60 s timeout ${i["hand-timeout"].cpuUs.toFixed(0)} µs (${rel("hand-timeout")}); client ${i.client.cpuUs.toFixed(0)} µs (${rel("client")}); client with \`timeoutMs: 0\` ${i["client-timeout0"].cpuUs.toFixed(0)} µs (${rel("client-timeout0")}); with the rate limiter on ${i["client-limiter"].cpuUs.toFixed(0)} µs (${rel("client-limiter")}). Against an in-process fetch (own CPU only): hand-written ${i["hand-inproc"].cpuUs.toFixed(1)} µs, client ${i["client-inproc"].cpuUs.toFixed(1)} µs.`,
    "",
    "A timeout handed to fetch as a signal costs a hand-written call the hand-timeout row's share (undici registers abort listeners for any signal it is given). " +
      `The client's timeout with it on measures ${rel("client")}, and without it ${rel("client-timeout0")}. ` +
      "The client's timeout is a timer that rejects the wait for the answer or cancels the body being read (the attempt in packages/core/src/transport/transport.ts), not a signal handed to fetch, so it does not pay undici's signal cost; what is left between the client and the hand-written call is the client's own CPU (the `-inproc` rows).",
  ].join("\n");
}

/** A difference in µs as "12 µs more than" / "3 µs less than" (for a sentence ending in the other side's name). */
const signedUs = (d) => (Math.abs(d) < 0.5 ? "the same as" : `${Math.abs(d).toFixed(0)} µs ${d > 0 ? "more than" : "less than"}`);

function perCallV4(f) {
  const r = f.ratios["v4 client / raw fetch (wall)"];
  const cpu = f.ratios["v4 client / raw fetch (CPU of the calling process)"];
  const i = f.isolated;
  return [
    `### 10. v4 per-call overhead: ${x(r.value)} raw fetch (IQR ${r.p25.toFixed(2)}–${r.p75.toFixed(2)}; CPU of the calling process ${x(cpu.value)})`,
    "",
    `One process per side (CPU per call): raw fetch ${i["v4-raw"].cpuUs.toFixed(0)} µs, the v4 client ${i["v4-client"].cpuUs.toFixed(0)} µs (${x(i["v4-client"].cpuUs / i["v4-raw"].cpuUs)}), with \`timeoutMs: 0\` ${i["v4-client-timeout0"].cpuUs.toFixed(0)} µs (${x(i["v4-client-timeout0"].cpuUs / i["v4-raw"].cpuUs)}). ` +
      "The client's own work per call is encoding and checking the arguments, building the request from the slots (`restProtocol.request` in packages/core/src/transport/protocols.ts), the retry wrapper, the per-attempt timer (one setTimeout in the attempt, packages/core/src/transport/transport.ts, that rejects the wait for the answer or cancels the body being read; the `timeoutMs: 0` row is the client without it), reading the body as a bounded stream, and decoding the task. " +
      `Against an in-process fetch (its own CPU only) the pair measures raw ${i["v4-raw-inproc"].cpuUs.toFixed(1)} µs and the client ${i["v4-client-inproc"].cpuUs.toFixed(1)} µs a call warm in cache, and raw ${i["v4-raw-cold"].cpuUs.toFixed(1)} µs and the client ${i["v4-client-cold"].cpuUs.toFixed(1)} µs with the CPU's caches evicted before every call (as the network path evicts them between two real calls), ` +
      `while over loopback, one process per side, the client's CPU per call is ${signedUs(i["v4-client"].cpuUs - i["v4-raw"].cpuUs)} raw fetch's. ` +
      "Checked apart over loopback, raw fetch with the client's request options (redirect \"manual\", duplex \"half\") or with its stream reader instead of `text()` costs what plain raw fetch costs. " +
      (i["v4-client"].cpuUs <= i["v4-raw"].cpuUs
        ? "So alone in its process the client costs no more than raw fetch in this run; what the interleaved figure adds is the two sharing one process (one event loop, one keep-alive pool, one garbage collector), where a call's leftover work (timers, finalisers) can run during the other's calls (see the interleaving note). What would get there: a steadier interleaved measure, or the process-isolated ratio as the headline."
        : i["v4-client-cold"].cpuUs - i["v4-raw-cold"].cpuUs < (i["v4-client"].cpuUs - i["v4-raw"].cpuUs) / 2
        ? "So most of what the client adds over a real connection is not its own CPU as an in-process loop measures it, warm or cold; runs of the same pair one process per side differ by several per cent from run to run on this machine, and splitting the client's attempt there (returning the response unread, reading it the client's way, decoding it) has not located the rest reproducibly. What would get there: finding it on a quiet machine (the process-isolated rows, many runs), then less work on that path."
        : "So most of what the client adds over a real connection is its own code and data per call, paid cold: what would get there is touching less of them per call (fewer and smaller functions and objects on the call's path), not a faster hot loop."),
  ].join("\n");
}

function perCallBearer(f) {
  const r = f.ratios["bearer client / raw fetch (wall)"];
  const cpu = f.ratios["bearer client / raw fetch (CPU of the calling process)"];
  const i = f.isolated;
  const [raw, client] = [i["bearer-raw"], i["bearer-client"]];
  return [
    `### 4b. Per-call overhead, bearer: ${x(r.value)} raw fetch (IQR ${r.p25.toFixed(2)}–${r.p75.toFixed(2)}; CPU of the calling process ${x(cpu.value)})`,
    "",
    `One process per side: raw fetch ${raw.cpuUs.toFixed(0)} µs CPU and ${raw.wallUs.toFixed(0)} µs wall per call, the client ${client.cpuUs.toFixed(0)} µs and ${client.wallUs.toFixed(0)} µs (${x(client.cpuUs / raw.cpuUs)} CPU, ${x(client.wallUs / raw.wallUs)} wall): alone, as an app with one client runs, the client costs what the process-isolated ratio says; the in-process ratio is what the two sides cost while they share one event loop, one keep-alive pool and one garbage collector. ` +
      "The client's work beyond raw fetch is encoding and checking the arguments, the retry wrapper, the per-attempt timer, the bounded body reader and decoding the task. The reader and the request options alone cost raw fetch nothing measurable over loopback, so what would get there is less of the client's own CPU per call (figure 10's `timeoutMs: 0` row shows the timer's share of it), such as the retry closure for a call that does not fail.",
  ].join("\n");
}

function msw(f, miss) {
  const wall = f.ratios["generated / hand-written"];
  const cpu = f.ratios["generated / hand-written (CPU)"];
  const reading = f.ratios["hand-written reading the body / hand-written"];
  const rest = f.ratios["generated / hand-written reading the body"];
  return [
    `### 8. MSW handlers: ${miss.shown}`,
    "",
    `In the process with the median ratio the generated handlers take ${x(wall.value)} the hand-written wall time (IQR ${wall.p25.toFixed(2)}–${wall.p75.toFixed(2)}) and ${x(cpu.value)} their CPU time (each process's ratio is in the heading). ` +
      "Both sets have one handler per method in the same order, and the baseline is the faster hand-written set (string or RegExp paths), so MSW walks the same list for both (the generated handlers match by a predicate running their compiled pattern, the hand-written ones by MSW's path matcher); per request the generated handler also reads the form body and checks the arguments (the missing-argument error) and applies the asyncKey echo, which hand-written handlers skip. " +
      `Reading the body alone (the hand-written set calling request.text() first) is ${x(reading.value)} the hand-written time, and the generated handlers are ${x(rest.value)} that set's (the rest of their work: parsing, checking, the echo). ` +
      "A v2 answer that carries asyncKey echoes the request's, so such a method's body is read whether or not an argument is required (spec/v2: nearly every method with arguments).",
  ].join("\n");
}

function mswV4(f, miss) {
  const r = f.v4.ratios;
  return [
    `### 8. MSW handlers, v4: ${miss.shown}`,
    "",
    `The generated v4 handlers take ${x(r["generated / hand-written"].value)} the faster hand-written set's wall time (IQR ${r["generated / hand-written"].p25.toFixed(2)}–${r["generated / hand-written"].p75.toFixed(2)}) and ${x(r["generated / hand-written (CPU)"].value)} its CPU; hand-written handlers with MSW path strings take ${x(r["hand-written string paths / RegExp paths"].value)} the RegExp ones'. ` +
      "Both sets walk the same 206 routes in the same order, and MSW parses the URL and the cookies for every handler it walks, whichever matches; beyond that the generated handler reads the request's path, query and form arguments and checks them (packages/core/src/server/rest-args.ts), selects the fields asked for and serialises a fresh copy of its default answer (packages/msw/src/rest-runtime.ts), where the hand-written one sends a fixed string. " +
      "Profile `node --cpu-prof` over a loop of the figure's v4 requests through setupServer(...createWrikeHandlers()) to see which of those leads.",
  ].join("\n");
}

function mcpList(f, miss) {
  const [defaults, all] = f.sizes;
  return [
    `### 9. MCP: the default tool list is ${miss.shown}`,
    "",
    `The default set is the spec's assistant set (${defaults.tools} of ${all.tools} tools, marked \`assistant:\` in spec/v4/methods), and its tools are the API's richest: the task and folder lists carry every filter argument, each with Wrike's description and, for dates, a pattern. ` +
      "Enum items that only repeat their value are already left out; models are inline in every argument that uses them because several MCP clients cannot resolve JSON Schema $defs/$ref. Next to try: fewer default tools, or shorter descriptions for the list filters.",
  ].join("\n");
}

function bundle(f) {
  const v4 = Object.values(f.bundles)[0];
  const v2 = Object.entries(f.bundles).find(([name]) => name.startsWith("wrikekit: one method"))?.[1];
  const costs = (b) => (b.marginalGzip ?? []).slice(0, 8).map((m) => `${m.path.replace(/^packages\//, "").replace(/\/dist\//, "/")} ${m.gzipSaved} B`).join(", ");
  // The response checks: the generated decoders and the runtime they call, as measured above.
  const checks = (b) => (b.marginalGzip ?? []).filter((m) => /generated\/decoders\.js$|runtime\/decode\.js$/.test(m.path)).reduce((sum, m) => sum + m.gzipSaved, 0);
  return [
    `### 5. Bundle: the one-method v4 bundle is ${v4.gzip} B min+gzip (target 5,000 B), the v2 one ${v2 ? `${v2.gzip} B` : "n/a"} (target 4,989 B)`,
    "",
    `What each input costs the gzip figure (the bundle's gzip minus the same bundle's without that module): v4 ${costs(v4)}; v2 ${v2 ? costs(v2) : "n/a"}. ` +
      "The core's modules (transport, attempt, errors, base-url, protocols, api-errors) are the behaviour every call has: the bounded body reader, refused redirects and v4's wrong-host 300, the https rule for base URLs and hosts, the per-attempt timeout, typed errors whose messages name the method, the field and the fix, a token echoed by a server redacted from them; the generated decoders check every field of the answer " +
      `(with the runtime they call, ${checks(v4)} B of the v4 bundle${v2 ? ` and ${checks(v2)} B of the v2 one` : ""}). ` +
      `What would get under the targets is leaving some of that behaviour out of a bare transport (v4 is ${v4.gzip - 5000} B over; each core behaviour is a few hundred bytes at most: see the commits of the size work, \`git log --grep='core size'\` and \`--grep=gzip\`), not compression of the same code: repeated code costs gzip little, so table forms saved little here (the argument encoders as tables shrank the whole clients far more than the one-method bundles: \`git log --grep='encoders as data'\`).`,
  ].join("\n");
}

function codegen(f, miss) {
  const rows = f.rows;
  const perMethod = (r) => (r.ms !== undefined ? `${(r.ms / r.methods).toFixed(1)} ms/method` : `~${(r.predictedMs / r.methods).toFixed(0)} ms/method (extrapolated)`);
  const measured = `Measured: ${rows.map((r) => `${r.label} (${r.methods} methods) ${perMethod(r)}`).join(", ")}; real specs: import ${formatTime(f.realSpec.withImport.median - f.realSpec.firstRun.median)} + first run ${formatTime(f.realSpec.firstRun.median)}.`;
  const why = miss.name.includes("growth")
    ? "Growing ms/method means per-declaration work proportional to the file (ts-morph re-parses a file on every SourceFile.add* call; tools/codegen/src/emit.ts builds each file once from recorded structures to avoid it): profile `node --cpu-prof bench/src/codegen-worker.mjs <root>` on a synthetic spec (bench/src/synthetic-spec.mjs)."
    : "Profile the first run with `node --cpu-prof bench/src/codegen-worker.mjs . 1 v4`: files are printed from the emitters' structures by tools/codegen/src/printer/ (no re-parse, no language-service formatter), so what is left is the import of ts-morph and TypeScript (the emitters import two values from ts-morph), the layout pass, the spec's YAML and zod checks, and the emitters themselves.";
  return [`### 6. Codegen: ${miss.name.replace(/^6\. codegen: /, "")} — ${miss.shown}`, "", `${measured} ${why}`].join("\n");
}

export function diagnoses(figures, misses) {
  const out = [];
  const missed = (prefix) => misses.find((m) => m.name.startsWith(prefix));
  if (missed("1.") && figures[1]) out.push(signing(figures[1]));
  if (missed("2. validation: at least as fast") && figures[2]) out.push(validation(figures[2]));
  if (missed("2. validation v4") && figures[2]) out.push(validationV4(figures[2], missed("2. validation v4")));
  if (missed("3.") && figures[3]) out.push(decoding(figures[3]));
  if (missed("4.") && figures[4]) out.push(perCall(figures[4]));
  if (missed("4b.") && figures[4]) out.push(perCallBearer(figures[4]));
  if (missed("10.") && figures[4]) out.push(perCallV4(figures[4]));
  if (missed("5.") && figures[5]) out.push(bundle(figures[5]));
  for (const m of misses.filter((t) => t.name.startsWith("6."))) if (figures[6]) out.push(codegen(figures[6], m));
  if (missed("8. msw:") && figures[8]) out.push(msw(figures[8], missed("8. msw:")));
  if (missed("8. msw v4:") && figures[8]?.v4) out.push(mswV4(figures[8], missed("8. msw v4:")));
  if (missed("9. mcp: default") && figures[9]) out.push(mcpList(figures[9], missed("9. mcp: default")));
  return out;
}

/** Findings without a target, from this run's numbers. */
export function findings(figures) {
  const out = [];
  const f4 = figures[4];
  if (f4?.isolated) {
    const i = f4.isolated;
    out.push(
      `- **Per-call cost of the default timeout** (figure 4, one process per side): a 60 s per-attempt timeout costs a hand-written call ${x(i["hand-timeout"].cpuUs / i.hand.cpuUs)} CPU (undici registers abort listeners for any signal it is given); the client with \`timeoutMs: 0\` is ${x(i["client-timeout0"].cpuUs / i.hand.cpuUs)} the hand-written call, and with its timeout ${x(i.client.cpuUs / i["hand-timeout"].cpuUs)} the hand-written call with the same timeout. The client's own CPU per call without the network is ${(i["client-inproc"].cpuUs - i["hand-inproc"].cpuUs).toFixed(1)} µs more than the hand-written code's (encoding and checking the arguments, retry wrapper, decoding and validating the task).`,
    );
  }
  const f7 = figures[7];
  if (f7) {
    const signed = f7.rows.find((r) => r.label.startsWith("wrike.task.get, OAuth 1.0a"));
    const bearer = f7.rows.find((r) => r.label.startsWith("wrike.task.get, OAuth 2.0"));
    const fixed = f7.rows.find((r) => r.label.startsWith("(what-if)"));
    if (signed && bearer && fixed)
      out.push(
        `- **Emulator: OAuth 1.0a against the bearer token** (figure 7): signed wrike.task.get ${signed.median.toFixed(0)} req/s (windows ${signed.windows.map((w) => w.toFixed(0)).join(" → ")}), bearer token ${bearer.median.toFixed(0)} req/s, ` +
          `and with the nonce Map's iteration stopping at the first entry inside the window (the what-if row) ${fixed.median.toFixed(0)} req/s (windows ${fixed.windows.map((w) => w.toFixed(0)).join(" → ")}). A decline from window to window would mean per-request work that grows with the requests already served.`,
      );
    const count = (tasks) => f7.rows.find((r) => r.label.includes(`${tasks} tasks: count`));
    const [c10, c100] = [count(10000), count(100000)];
    if (c10 && c100)
      out.push(
        `- **Emulator: wrike.task.filter count=true visits every task** (figure 7): over 10,000 tasks ${c10.median.toFixed(0)} req/s, over 100,000 ${c100.median.toFixed(0)} req/s (${(1000 / c10.median).toFixed(1)} ms and ${(1000 / c100.median).toFixed(1)} ms of emulator time per call). ` +
          "A page in id order stops when it is full (the page-time target); a count, or a page with orderBy, still tests every task against the filter.",
      );
  }
  const f3 = figures[3];
  if (f3?.extra) {
    const m = f3.extra.results;
    const base = f3.extra.baseline;
    const others = Object.keys(m).filter((k) => k !== base);
    const strict = others.filter((k) => /refuses (\d+) of \1 malformed/.test(k));
    const fastestOther = others.sort((a, b) => m[a].median - m[b].median)[0];
    out.push(
      `- **XML parsers** (figure 3, raw parse): ours ${formatTime(m[base].median)}; the fastest other, ${fastestOther}, ${fastestOther ? x(ratio(m, fastestOther, base).value) : "n/a"} our time. ` +
        `Refusing every malformed document of the set: ${strict.length ? strict.map((k) => k.split(":")[0]).join(", ") : "none of the others"}.`,
    );
  }
  return out;
}
