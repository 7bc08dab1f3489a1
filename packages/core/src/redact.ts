/**
 * Secrets out of errors: a server or proxy may echo what it was sent (the Authorization header, a form body
 * with a webhook's secret, the refresh token it refused), and a fetch may quote the headers it could not
 * send. Every error that can carry such text has each secret replaced before it reaches the caller.
 */

/** `text` with every secret (as given, and percent-encoded as a URL or form carries it) replaced by [redacted]. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  // Secrets under 4 characters are test doubles' ("t"): replacing them would garble the text.
  for (const secret of secrets) if (secret && secret.length > 3) for (const form of [secret, encoded(secret)]) text = text.split(form).join("[redacted]");
  return text;
}

/** A secret as a URL or form carries it; one that cannot be encoded (a lone surrogate) is never sent encoded. */
function encoded(secret: string): string {
  try {
    return encodeURIComponent(secret);
  } catch {
    return secret;
  }
}

/** `error` with the secrets replaced in its texts (message, stack, fields, an issue's `received`), its causes' too. */
export function redactError<E>(error: E, secrets: readonly (string | undefined)[]): E {
  const seen = new Set<unknown>();
  const walk = (item: unknown): void => {
    if (typeof item !== "object" || item === null || seen.has(item)) return;
    seen.add(item);
    const fields = item as Record<string, unknown>;
    for (const key of new Set(["message", "stack", "cause", ...Object.keys(fields)])) {
      const text = fields[key];
      const redacted = typeof text === "string" ? redactText(text, secrets) : (walk(text), text);
      // Defined, not assigned: a DOMException's message is a getter without a setter.
      if (redacted !== text) Object.defineProperty(fields, key, { value: redacted, writable: true, configurable: true });
    }
  };
  walk(error);
  return error;
}
