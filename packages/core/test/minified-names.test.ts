/**
 * Apps ship minified, and minifiers rename classes. Error names and the retry classification must not
 * depend on class names: this bundles the error classes and failureKind with esbuild's minifier (as an
 * app's bundler would) and checks them in the bundle, not in the source.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));

type Bundle = Record<string, (new (...args: never[]) => Error) | ((error: unknown) => string)>;
let bundle: Bundle;

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: `
        export * from "./errors.ts";
        export { WrikeOAuth1FlowError } from "./oauth1/flow.ts";
        export { WrikeAuthError } from "./oauth2/tokens.ts";
        export { failureKind } from "./resilience/retry.ts";`,
      resolveDir: src,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "bundle",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  bundle = new Function(`${result.outputFiles[0]!.text}; return bundle;`)() as Bundle;
});

const make = {
  WrikeError: (C: any) => new C({ message: "failed", method: "wrike.task.get" }),
  WrikeApiError: (C: any) => new C({ code: 404, errorName: "resource_not_found", serverMessage: "no task", method: "tasks.get", httpStatus: 404 }),
  WrikeTransportError: (C: any) => new C({ message: "reset", method: "tasks.get", reason: "network" }),
  WrikeDecodeError: (C: any) => new C({ message: "broken body", method: "tasks.get", format: "json" }),
  WrikeValidationError: (C: any) => new C({ method: "tasks.get", direction: "arguments", issues: [] }),
  WrikeAsyncKeyMismatchError: (C: any) => new C({ method: "task.add", sent: "a", received: "b" }),
  WrikeOAuth1FlowError: (C: any) => new C("request token refused", 401),
  WrikeAuthError: (C: any) => new C({ message: "refused", error: "invalid_grant", httpStatus: 400 }),
};

describe("errors in a minified bundle", () => {
  it("the minifier did rename the classes (so the checks below mean something)", () => {
    for (const name of Object.keys(make)) expect((bundle[name] as { name: string }).name).not.toBe(name);
  });

  it.each(Object.entries(make))("%s keeps its literal name", (name, create) => {
    const error = create(bundle[name]);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it("a broken body is still classified as maybe-applied (reads retried), other errors as they were", () => {
    const failureKind = bundle.failureKind as (error: unknown) => string;
    expect(failureKind(make.WrikeDecodeError(bundle.WrikeDecodeError))).toBe("maybe-applied");
    expect(failureKind(make.WrikeTransportError(bundle.WrikeTransportError))).toBe("maybe-applied");
    expect(failureKind(make.WrikeApiError(bundle.WrikeApiError))).toBe("final");
    expect(failureKind(make.WrikeValidationError(bundle.WrikeValidationError))).toBe("final");
  });
});
