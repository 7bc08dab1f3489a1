/** Fresh OAuth tokens, secrets and verifiers from the platform's CSPRNG. */
const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

/** Token secrets are hex strings, as the reference describes them. */
export function randomHex(bytes: number): string {
  return Array.from(randomBytes(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lower-case letters and digits: request tokens are short so that a user can type one. */
export function randomAlphanumeric(length: number): string {
  // 252 is the largest multiple of 36 below 256: rejecting above it keeps every character equally likely.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) if (byte < 252 && out.length < length) out += ALPHANUMERIC[byte % 36];
  }
  return out;
}
