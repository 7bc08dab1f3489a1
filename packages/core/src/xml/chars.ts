/**
 * The characters XML 1.0 cannot carry (§2.2), not even as a character reference: U+0000-U+0008, U+000B,
 * U+000C, U+000E-U+001F, U+FFFE, U+FFFF, and a UTF-16 surrogate without its pair. The parser refuses a
 * document with one; the writer refuses to write one; servers refuse such text at input.
 */
const FORBIDDEN_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Where a character XML cannot carry is, and which it is. */
export interface UnwritableChar {
  readonly index: number;
  /** "U+0001"; a lone surrogate is given as its code unit, "U+D800". */
  readonly char: string;
}

/** The range list, for messages that say what is refused. */
export const UNWRITABLE_CHARS = "U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF and lone surrogates";

function loneSurrogateIndex(text: string): number {
  // A loop, not a lookbehind regular expression (older Safari cannot even parse one).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** The first character of `text` XML 1.0 cannot carry, or undefined when it has none. */
export function findUnwritableChar(text: string): UnwritableChar | undefined {
  const forbidden = FORBIDDEN_CHAR.exec(text)?.index ?? -1;
  // isWellFormed() (ES2024) is much faster than the scan; the scan runs where it is missing or says no.
  const lone = (text as { isWellFormed?: () => boolean }).isWellFormed?.() === true ? -1 : loneSurrogateIndex(text);
  const index = forbidden === -1 ? lone : lone === -1 ? forbidden : Math.min(forbidden, lone);
  return index === -1 ? undefined : { index, char: `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}` };
}

/**
 * `text` with each character XML cannot carry shown as `\uXXXX`: for messages of our own (an error
 * envelope quoting a refused argument), which must always be writable.
 */
export function showUnwritableChars(text: string): string {
  let out = "";
  let from = 0;
  for (let found = findUnwritableChar(text); found !== undefined; found = findUnwritableChar(text.slice(from))) {
    const at = from + found.index;
    out += `${text.slice(from, at)}\\u${found.char.slice(2)}`;
    from = at + 1;
  }
  return out + text.slice(from);
}
