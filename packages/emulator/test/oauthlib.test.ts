/**
 * An independent OAuth 1.0a implementation: requests signed by Debian's python3-oauthlib are accepted
 * by the HTTP server, and refused with 402 once one byte is changed.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorServer, type EmulatorServer } from "../src/server.js";

const PYTHON = "/usr/bin/python3";
const SIGNER = fileURLToPath(new URL("./fixtures/oauthlib_sign.py", import.meta.url));

function oauthlibUnavailable(): string | undefined {
  const probe = spawnSync(PYTHON, ["-c", "import oauthlib.oauth1"], { encoding: "utf8" });
  if (probe.error !== undefined) return `${PYTHON} cannot be run (${probe.error.message})`;
  return probe.status === 0 ? undefined : `oauthlib is not importable by ${PYTHON} (install python3-oauthlib)`;
}

const skipReason = oauthlibUnavailable();
if (skipReason !== undefined) console.warn(`oauthlib interoperability test skipped: ${skipReason}`);

interface Signed {
  uri: string;
  headers: Record<string, string>;
  body: string | null;
}

function signWithOauthlib(server: EmulatorServer, uri: string, body: string, signatureMethod: string, signatureType: string): Signed {
  const { consumerKey, consumerSecret, user } = server.credentials;
  const input = JSON.stringify({ uri, body, consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret, signatureMethod, signatureType });
  const run = spawnSync(PYTHON, [SIGNER], { input, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`oauthlib signer failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Signed;
}

async function send(request: Signed): Promise<Response> {
  return fetch(request.uri, { method: "POST", headers: request.headers, ...(request.body === null ? {} : { body: request.body }) });
}

type Part = "body" | "uri" | "signature";

/** The same request with one byte of `part` changed. */
function tamper(request: Signed, part: Part): Signed {
  const flip = (text: string) => text.replace("Hello", "Jello");
  if (part === "body") return { ...request, body: flip(request.body!) };
  if (part === "uri") return { ...request, uri: flip(request.uri) };
  const authorization = request.headers.Authorization!.replace(/oauth_signature="([^"]*)"/, (_, value: string) => `oauth_signature="${value.slice(0, -1)}${value.endsWith("0") ? "1" : "0"}"`);
  return { ...request, headers: { ...request.headers, Authorization: authorization } };
}

describe.skipIf(skipReason !== undefined)(`python3-oauthlib interoperability${skipReason === undefined ? "" : ` (skipped: ${skipReason})`}`, () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer();
  });
  afterAll(() => server.stop());

  // PLAINTEXT signs no parameters, so there the byte changed is one of the signature itself.
  it.each([
    ["HMAC-SHA1", "AUTH_HEADER", "body"],
    ["HMAC-SHA1", "BODY", "body"],
    ["HMAC-SHA1", "QUERY", "uri"],
    ["PLAINTEXT", "AUTH_HEADER", "signature"],
  ] as const)("%s in %s is accepted; with one byte of the %s changed it is refused", async (signatureMethod, signatureType, changed: Part) => {
    const uri = `${server.url}/api/json/v2/wrike.task.add${changed === "uri" ? "?title=Hello%20query" : ""}`;
    const body = changed === "uri" ? "description=d" : "title=Hello+world&description=caf%C3%A9+%26+more";
    const request = signWithOauthlib(server, uri, body, signatureMethod, signatureType);
    const accepted = await send(request);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { task: { title: string } }).task.title).toMatch(/^Hello/);

    const refused = await send(tamper(request, changed));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: 402, name: "CREDENTIALS_ERROR", message: "Authorization failed: invalid oauth_signature." } });
  });
});
