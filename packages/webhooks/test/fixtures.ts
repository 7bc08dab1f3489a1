/** Shared test data. The signatures were computed outside this code, with the command next to each. */
export const SECRET = "s3cr3t-wrike-hook";
export const URL_ = "https://receiver.example/wrike";

export const TASK_CREATED = {
  taskId: "IEAAAOH5KQAKE5J2",
  webhookId: "IEAAAOH5JAAAAAAG",
  eventAuthorId: "KUAAAAHK",
  eventType: "TaskCreated",
  lastUpdatedDate: "2026-12-01T21:00:00Z",
};
/** JSON.stringify([TASK_CREATED]), the bytes below were signed. */
export const TASK_CREATED_BODY = '[{"taskId":"IEAAAOH5KQAKE5J2","webhookId":"IEAAAOH5JAAAAAAG","eventAuthorId":"KUAAAAHK","eventType":"TaskCreated","lastUpdatedDate":"2026-12-01T21:00:00Z"}]';
// printf '%s' "$TASK_CREATED_BODY" | openssl dgst -sha256 -hmac 's3cr3t-wrike-hook'
// (and /usr/bin/python3: hmac.new(b"s3cr3t-wrike-hook", body, hashlib.sha256).hexdigest(), same value)
export const TASK_CREATED_SIGNATURE = "d875ad2ab80a10d4205b91d7d0ede5c1d22d4ae2df392180f701c877ab281af3";

/** A body as a server might really send it: spacing, a trailing newline, non-ASCII. Re-serialising it changes its bytes. */
export const SPACED_BODY = '[ {"eventType": "TaskTitleChanged", "webhookId": "IEAAAOH5JAAAAAAG", "taskId": "IEAAAOH5KQAKE5J2", "lastUpdatedDate": "2026-12-01T21:00:01Z", "oldTitle": "Caf\u00e9", "title": "Caf\u00e9 \u2615"} ]\n';
// /usr/bin/python3 -c 'import hmac,hashlib; print(hmac.new(b"s3cr3t-wrike-hook", <SPACED_BODY>.encode(), hashlib.sha256).hexdigest())'
export const SPACED_SIGNATURE = "b2ddc4f95d9f61f7283eabce3e5ca1647d3ae800c18e248be6b6700a43fb63e4";

export const HANDSHAKE_VALUE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
// /usr/bin/python3 -c 'import hmac,hashlib; print(hmac.new(b"s3cr3t-wrike-hook", b"a1b2c3d4e5f60718293a4b5c6d7e8f90", hashlib.sha256).hexdigest())'
export const HANDSHAKE_ANSWER = "c864e714cf2c3cf8efb709d2a26e21647642d624cc23a890287d5ba904970cb4";

export function post(body: string | Uint8Array, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: body as BodyInit });
}
