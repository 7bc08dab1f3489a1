/**
 * Figure 8, MSW handlers (issue 16 item 6): the cost per request of the generated handlers
 * (createWrikeHandlers(), msw/node setupServer intercepting fetch) against hand-written MSW handlers that
 * answer the same reference examples from fixed strings, one http.post per method as a user would write.
 * The requests cycle through methods early and late in the handler list, with and without arguments.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createWrikeHandlers, defaultDownloadBody, taskGetHandler } from "@wrikekit/msw/v2";
import { createWrikeHandlers as createWrikeV4Handlers, tasksGetHandler } from "@wrikekit/msw";
import { methodDescriptors } from "@wrikekit/client/server";
import { alternate, printTable, ratio } from "./harness.mjs";
import { report, rounds, target } from "./common.mjs";

const BASE = "https://www.wrike.com/api/json/v2/";
const generated = createWrikeHandlers();

/** The requests: a method without arguments, reads with arguments, one late in the list, a write. */
const REQUESTS = [
  ["wrike.profile.get", ""],
  ["wrike.task.get", "id=369812"],
  ["wrike.folder.tree", ""],
  ["wrike.timelog.list", "taskId=369812"],
  ["wrike.task.filter", "limit=10"],
  ["wrike.comment.add", "taskId=369812&text=hello"],
].map(([path, body]) => ({ url: `${BASE}${path}`, init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body } }));

// What each generated handler answers by default (to the timed requests' arguments), captured once, for
// the hand-written handlers to send as is.
const server = setupServer(...generated);
server.listen({ onUnhandledRequest: "error" });
const documentMethods = Object.values(methodDescriptors).filter((d) => d.decodeResult !== undefined);
const fixed = new Map();
for (const d of documentMethods) {
  const timed = REQUESTS.find((r) => r.url === `${BASE}${d.http.path}`);
  const response = await fetch(`${BASE}${d.http.path}`, timed?.init ?? { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" });
  fixed.set(d.http.path, await response.text());
}
// One handler per method, in the generated set's order, so that both sets make MSW walk the same list: a
// download (no document) answers the same default bytes.
const fixedAnswer = (d) =>
  d.decodeResult === undefined
    ? () => new HttpResponse(defaultDownloadBody, { headers: { "content-type": "application/octet-stream" } })
    : () => new HttpResponse(fixed.get(d.http.path), { headers: { "content-type": "application/json" } });
const allMethods = Object.values(methodDescriptors);
if (allMethods.length !== generated.length) throw new Error(`createWrikeHandlers() has ${generated.length} handlers for ${allMethods.length} methods: the hand-written set would not be the same list`);
const handWritten = allMethods.map((d) => http.post(`${BASE}${d.http.path}`, fixedAnswer(d)));
// The same with precompiled regular expressions, which MSW matches without its path parser.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const handWrittenRegExp = allMethods.map((d) => http.post(new RegExp(`^${escape(`${BASE}${d.http.path}`)}$`), fixedAnswer(d)));
// For attribution, not a baseline: the RegExp set reading each request's body first, as any handler that
// checks arguments or echoes one must (the generated handlers read it for all but argument-less methods).
const handWrittenReading = allMethods.map((d) => {
  const answer = fixedAnswer(d);
  return http.post(new RegExp(`^${escape(`${BASE}${d.http.path}`)}$`), async ({ request }) => {
    await request.text();
    return answer();
  });
});

// Sanity: both sets answer every request with the same body.
for (const { url, init } of REQUESTS) {
  const answers = [];
  for (const handlers of [generated, handWritten, handWrittenRegExp, handWrittenReading]) {
    server.resetHandlers(...handlers);
    answers.push(await (await fetch(url, init)).text());
  }
  if (new Set(answers).size !== 1) throw new Error(`${url}: the generated and hand-written handlers answer differently`);
}

/**
 * A contender: its own handler set, installed (untimed) before each of its calls, and its own walk through
 * REQUESTS, so that every contender's k-th call of a round is the same request.
 */
const withHandlers = (handlers) => {
  let next = 0;
  return {
    before: () => server.resetHandlers(...handlers),
    run: async () => {
      const { url, init } = REQUESTS[next++ % REQUESTS.length];
      return (await fetch(url, init)).text();
    },
  };
};

const NAMES = {
  generated: "generated: createWrikeHandlers()",
  hand: "hand-written: http.post per method, fixed strings",
  handRegExp: "hand-written, RegExp paths",
  override: "generated, with taskGetHandler({ title }) in front",
  reading: "(attribution) hand-written, RegExp paths, reading the body",
};
console.log("Figure 8: MSW handlers per request (msw/node, fetch intercepted in process)");
// Calls alternate contender by contender in a shuffled order (harness alternate()), each timed on its own:
// a burst of machine noise lands on calls of every contender instead of one contender's whole round.
// A round makes each request of REQUESTS four times per contender.
const results = await alternate(
  "MSW handlers",
  [
    { name: NAMES.generated, ...withHandlers(generated) },
    { name: NAMES.hand, ...withHandlers(handWritten) },
    { name: NAMES.handRegExp, ...withHandlers(handWrittenRegExp) },
    { name: NAMES.override, ...withHandlers([taskGetHandler({ title: "overridden" }), ...generated]) },
    { name: NAMES.reading, ...withHandlers(handWrittenReading) },
  ],
  // 40 rounds in each of 3 processes (run.mjs): enough for a stable median, and the bench stays under 10 minutes on a slow day.
  { rounds: rounds(40), n: 4 * REQUESTS.length, warmupRounds: 5, warmupCalls: 1000 },
);
printTable(results, NAMES.handRegExp);

// ---- v4: the main line's handlers (206, REST verbs and paths) against hand-written ones in the same order.
const V4_BASE = "https://www.wrike.com/api/v4";
const v4Generated = createWrikeV4Handlers();
/** The timed v4 requests: reads with path ids, a query, a paged list, the first operation's, and a write with a form body. */
const V4_REQUESTS = [
  ["GET", "/tasks/IEAGKVLFKQ7WMVOE", undefined],
  ["GET", `/folders/IEAGKVLFI4AAAAAA/tasks?status=${encodeURIComponent('["Active"]')}&fields=${encodeURIComponent('["description"]')}`, undefined],
  ["GET", "/contacts", undefined],
  ["GET", "/tasks?pageSize=10", undefined],
  ["GET", "/account", undefined],
  ["POST", "/folders/IEAGKVLFI4AAAAAA/tasks", "title=hello"],
].map(([method, path, body]) => ({ url: `${V4_BASE}${path}`, init: body === undefined ? { method } : { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body } }));
// Each generated handler is named by its verb and compiled pattern (route-handler.ts); a user writes the same
// route as MSW path syntax: https://www.wrike.com/api/v4/tasks/:taskIds.
const v4Routes = v4Generated.map((h) => {
  const [verb, source] = [h.info.header.slice(0, h.info.header.indexOf(" ")), h.info.header.slice(h.info.header.indexOf(" ") + 2, -1)];
  const path = source.replace(/^\^|\$$/g, "").replace(/\(\?<(\w+)>\[\^\/\]\+\)/g, ":$1").replace(/\\(.)/g, "$1");
  return { verb, pattern: new RegExp(source), path };
});
/** The index of the first route a request matches (method and path, query aside), as MSW walks the list. */
const v4RouteOf = ({ url, init }) => v4Routes.findIndex((r) => r.verb === init.method && r.pattern.test(url.split("?")[0]));
server.resetHandlers(...v4Generated);
const v4Fixed = new Map();
for (const request of V4_REQUESTS) {
  const response = await fetch(request.url, request.init);
  if (!response.ok) throw new Error(`figure 8: the generated v4 handlers answer ${request.init.method} ${request.url} with HTTP ${response.status}`);
  v4Fixed.set(v4RouteOf(request), { status: response.status, text: await response.text() });
}
const v4Answer = (i) => () => new HttpResponse(v4Fixed.get(i)?.text ?? "{}", { status: v4Fixed.get(i)?.status ?? 200, headers: { "content-type": "application/json" } });
const v4HandWritten = v4Routes.map((r, i) => http[r.verb.toLowerCase()](r.path, v4Answer(i)));
const v4HandWrittenRegExp = v4Routes.map((r, i) => http[r.verb.toLowerCase()](r.pattern, v4Answer(i)));
for (const { url, init } of V4_REQUESTS) {
  const answers = [];
  for (const handlers of [v4Generated, v4HandWritten, v4HandWrittenRegExp]) {
    server.resetHandlers(...handlers);
    answers.push(await (await fetch(url, init)).text());
  }
  if (new Set(answers).size !== 1) throw new Error(`${url}: the generated and hand-written v4 handlers answer differently`);
}
const withV4Handlers = (handlers) => {
  let next = 0;
  return {
    before: () => server.resetHandlers(...handlers),
    run: async () => {
      const { url, init } = V4_REQUESTS[next++ % V4_REQUESTS.length];
      return (await fetch(url, init)).text();
    },
  };
};
const V4_NAMES = {
  generated: "v4 generated: createWrikeHandlers() of @wrikekit/msw",
  hand: "v4 hand-written: http.get/post per operation, fixed strings",
  handRegExp: "v4 hand-written, RegExp paths",
  override: "v4 generated, with tasksGetHandler({ data: [{ title }] }) in front",
};
const v4Results = await alternate(
  "MSW handlers, v4",
  [
    { name: V4_NAMES.generated, ...withV4Handlers(v4Generated) },
    { name: V4_NAMES.hand, ...withV4Handlers(v4HandWritten) },
    { name: V4_NAMES.handRegExp, ...withV4Handlers(v4HandWrittenRegExp) },
    { name: V4_NAMES.override, ...withV4Handlers([tasksGetHandler({ data: [{ title: "overridden" }] }), ...v4Generated]) },
  ],
  // Fewer rounds than v2's: a v4 request walks 206 handlers (about 2 ms), and the bench must stay under 10 minutes.
  { rounds: rounds(20), n: 2 * V4_REQUESTS.length, warmupRounds: 3, warmupCalls: 300 },
);
printTable(v4Results, V4_NAMES.handRegExp);
server.close();
// Against the faster of the two hand-written sets.
const baseline = results[NAMES.hand].median <= results[NAMES.handRegExp].median ? NAMES.hand : NAMES.handRegExp;
const perRequest = ratio(results, NAMES.generated, baseline);
const perRequestCpu = ratio(results, NAMES.generated, baseline, { cpu: true });
console.log(`  generated / hand-written = ${perRequest.value.toFixed(3)}x (CPU ${perRequestCpu.value.toFixed(3)}x)`);
const v4Baseline = v4Results[V4_NAMES.hand].median <= v4Results[V4_NAMES.handRegExp].median ? V4_NAMES.hand : V4_NAMES.handRegExp;
const v4PerRequest = ratio(v4Results, V4_NAMES.generated, v4Baseline);
const v4PerRequestCpu = ratio(v4Results, V4_NAMES.generated, v4Baseline, { cpu: true });
console.log(`  v4 generated / hand-written = ${v4PerRequest.value.toFixed(3)}x (CPU ${v4PerRequestCpu.value.toFixed(3)}x)`);

report({
  figure: 8,
  title: "MSW handlers: cost per request of the generated handlers against hand-written ones",
  results,
  ratios: {
    "generated / hand-written": perRequest,
    "generated / hand-written (CPU)": perRequestCpu,
    "with an override / hand-written": ratio(results, NAMES.override, baseline),
    "hand-written reading the body / hand-written": ratio(results, NAMES.reading, baseline),
    "generated / hand-written reading the body": ratio(results, NAMES.generated, NAMES.reading),
  },
  v4: {
    results: v4Results,
    ratios: {
      "generated / hand-written": v4PerRequest,
      "generated / hand-written (CPU)": v4PerRequestCpu,
      "with an override / hand-written": ratio(v4Results, V4_NAMES.override, v4Baseline),
      "hand-written string paths / RegExp paths": ratio(v4Results, V4_NAMES.hand, V4_NAMES.handRegExp),
    },
  },
  targets: [
    target("8. msw: generated handlers ≤1.10x hand-written per request", perRequest.value, "<=", 1.1, `${perRequest.value.toFixed(2)}x hand-written (CPU ${perRequestCpu.value.toFixed(2)}x)`),
    target("8. msw v4: generated handlers ≤1.10x hand-written per request", v4PerRequest.value, "<=", 1.1, `${v4PerRequest.value.toFixed(2)}x hand-written (CPU ${v4PerRequestCpu.value.toFixed(2)}x)`),
  ],
  notes: [
    `Requests cycle through ${REQUESTS.map((r) => r.url.slice(BASE.length)).join(", ")}; each is a fetch through msw/node's interceptor whose body is read to the end.`,
    "After 1,000 untimed requests of each contender (to a steady state), the contenders take turns call by call in a shuffled order, each call timed on its own (each contender's handlers installed untimed before its call), a full GC and an untimed call of each before every round.",
    "The ratio is against the faster of the two hand-written sets (string paths go through MSW's path parser on every request; RegExp paths do not).",
    "The hand-written handlers answer the strings the generated ones answer by default (checked equal before timing); they read no arguments and echo no asyncKey. The attribution row is the RegExp set reading each request's body (request.text()) before answering: what reading it costs any handler, without parsing or checking anything.",
    `Both sets have one handler per method (${generated.length}, the download answering the same default bytes) in the same order, so MSW walks the same list for each request.`,
    `v4: the ${v4Generated.length} generated handlers against ${v4Generated.length} hand-written ones for the same routes in the same order (MSW path syntax, /tasks/:taskIds, and the same as RegExps), answering what the generated ones answer by default (checked equal); requests cycle through ${V4_REQUESTS.map((r) => `${r.init.method} ${r.url.slice(V4_BASE.length).split("?")[0]}`).join(", ")}. The generated handlers read each request's path, query and form arguments and check them; the hand-written ones read nothing.`,
  ],
});
