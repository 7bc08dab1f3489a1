/** Shared by the figure scripts: options from the command line and the result file. */
import { writeFileSync } from "node:fs";

export const quick = process.env.BENCH_QUICK === "1";

/** Scales a round count down in quick mode (for trying the bench out, not for RESULTS.md). */
export const rounds = (n) => (quick ? Math.max(3, Math.ceil(n / 4)) : n);

/** Writes the figure's result where run.mjs asked (argv[2]), or prints it. */
export function report(result) {
  const out = process.argv[2];
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}

/** A target line: `value` compared with `limit` by `op` (">=" or "<="). */
export function target(name, value, op, limit, shown, detail) {
  const pass = op === ">=" ? value >= limit : value <= limit;
  return { name, value, op, limit, shown, pass, detail };
}

export const credentials = {
  consumerKey: "dpf43f3p2l4k3l03",
  consumerSecret: "kd94hf93k423kf44",
  token: "nnch734d00sl2jdk",
  tokenSecret: "pfkkdhi9sl3r4s00",
};
