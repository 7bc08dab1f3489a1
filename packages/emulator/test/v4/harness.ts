/** Calls the v4 API of an in-process emulator the way a plain HTTP client does: form bodies, JSON text for structured values. */
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/index.js";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";

export interface V4Answer {
  status: number;
  body: { kind?: string; data?: Array<Record<string, any>>; nextPageToken?: string; responseSize?: number; error?: string; errorDescription?: string };
  headers: Headers;
}

export type Params = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function v4Caller(emulator: Emulator, token: string = SEED_CREDENTIALS.permanentToken) {
  async function call(method: string, path: string, params: Params = {}, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<V4Answer> {
    const pairs = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, text(v)] as [string, string]);
    const inQuery = method === "GET" || method === "DELETE" || init.body !== undefined;
    const url = `http://localhost/api/v4${path}${inQuery && pairs.length > 0 ? `?${new URLSearchParams(pairs)}` : ""}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
    let body: BodyInit | undefined = init.body;
    if (!inQuery && pairs.length > 0) {
      body = new URLSearchParams(pairs).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const response = await emulator.handle(new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }));
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, headers: response.headers, body: type.startsWith("application/json") ? await response.json() : { data: [{ bytes: new Uint8Array(await response.arrayBuffer()) }] } };
  }
  /** The data of a call that must succeed. */
  const ok = async (method: string, path: string, params?: Params, init?: Parameters<typeof call>[3]) => {
    const answer = await call(method, path, params, init);
    if (answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.data!;
  };
  return { call, ok };
}

export function newEmulator(options: EmulatorOptions = {}) {
  let now = Date.UTC(2026, 11, 1, 10, 0);
  const emulator = createEmulator({ now: () => now, v4RateLimit: false, ...options });
  return { emulator, tick: (ms = 1000) => void (now += ms), owner: v4Caller(emulator), collaborator: v4Caller(emulator, SEED_CREDENTIALS.collaboratorToken), readOnly: v4Caller(emulator, SEED_CREDENTIALS.readOnlyToken) };
}

/** A folder the owner can write in: the seeded space. */
export async function spaceId(caller: ReturnType<typeof v4Caller>): Promise<string> {
  return (await caller.ok("GET", "/spaces"))[0]!.id;
}
