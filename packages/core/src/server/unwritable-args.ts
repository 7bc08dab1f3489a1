/**
 * Text XML cannot carry, refused at input: what a server stores it must be able to answer in XML (the
 * API's default format), so an argument holding U+0001 is refused, naming it, rather than stored and then
 * impossible to return (xml/chars.ts lists the characters).
 */
import { findUnwritableChar, UNWRITABLE_CHARS } from "../xml/chars.js";

/** An argument that holds such a character: its path (`title`, `parents[1]`) and what is wrong with it. */
export interface UnwritableArgument {
  readonly path: string;
  readonly problem: string;
}

/** The first argument of `args` (as a wire-argument reader returns them) holding text XML cannot carry. */
export function findUnwritableArgument(args: unknown, path = ""): UnwritableArgument | undefined {
  if (typeof args === "string") {
    const found = findUnwritableChar(args);
    return found === undefined ? undefined : { path, problem: `holds ${found.char} at index ${found.index}, a character XML 1.0 cannot carry (${UNWRITABLE_CHARS}); remove it` };
  }
  if (Array.isArray(args)) {
    for (let i = 0; i < args.length; i++) {
      const found = findUnwritableArgument(args[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof args === "object" && args !== null) {
    for (const [name, value] of Object.entries(args)) {
      const found = findUnwritableArgument(value, path === "" ? name : `${path}.${name}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
