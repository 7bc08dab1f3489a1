/**
 * Token paging (v4): a call that is both a promise of its first page and an async iterable over every item
 * of every page, with `.pages()` for the pages themselves. Wrike keeps neither filters nor `fields` across
 * pages, so every page request re-sends the caller's arguments unchanged, plus the page token.
 */
import type { MethodDescriptor } from "../descriptors.js";
import { describeValue, WrikeValidationError } from "../errors.js";
import type { CallOptions, WrikeTransport } from "../transport/options.js";

export interface TokenPaging {
  /** The argument that carries the page token (nextPageToken; pageToken for groups). */
  tokenArg: string;
  /** The answer's field holding the next page's token, absent on the last page. */
  nextTokenField: string;
  /** The answer's list of items. */
  itemsField: string;
}

/**
 * What a token-paged method returns: `await` it for the first page; `for await` over it for every item;
 * `.pages()` for every page. Nothing is sent until it is awaited or iterated; the first page is fetched once
 * and shared by both. It is a whole Promise (`catch`, `finally`), so it goes wherever one is expected.
 */
export interface PagePromise<Page, Item> extends Promise<Page>, AsyncIterable<Item> {
  /** Every page, the first included, each requested with the caller's arguments and the previous page's token. */
  pages(): AsyncIterable<Page>;
}

/** An item's id, when it has one (most lists' items do). */
const idOf = (item: unknown): unknown => (typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined);

export function pagePromise<A extends object, Page, Item>(
  transport: WrikeTransport,
  method: MethodDescriptor<A, Page>,
  paging: TokenPaging,
  args: A,
  options?: CallOptions,
): PagePromise<Page, Item> {
  let first: Promise<Page> | undefined;
  const firstPage = () => (first ??= transport.call(method, args, options));
  /** The walk stops on an answer that would make it loop or repeat items: this error says which. */
  const refused = (path: string, expected: string, received: unknown) =>
    new WrikeValidationError({ method: method.id, direction: "response", issues: [{ path, expected, received: describeValue(received) }] });
  async function* pages(): AsyncGenerator<Page, void, undefined> {
    const seen = new Set<string>();
    /** Ids handed out so far: a token names the last item handed out, so no item comes twice. */
    const handedOut = new Set<unknown>();
    let page = (await firstPage()) as Record<string, unknown>;
    for (;;) {
      const items = (page[paging.itemsField] as unknown[] | undefined) ?? [];
      yield page as Page;
      const token = page[paging.nextTokenField];
      if (typeof token !== "string" || token === "") return;
      // A token seen before would loop forever: the server is repeating itself.
      if (seen.has(token)) throw refused(paging.nextTokenField, "a new page token (the server answered this one twice; stopped instead of looping)", token);
      // An empty page that promises more would let a server walk us through empty pages forever.
      if (items.length === 0) throw refused(paging.itemsField, `items on a page that has a ${paging.nextTokenField}`, items);
      // Pages handed out again under new tokens would loop forever too.
      const again = items.findIndex((item) => handedOut.has(idOf(item)));
      if (again >= 0) throw refused(`${paging.itemsField}[${again}].id`, "an item not on an earlier page (the server repeated items under a new token; stopped instead of looping)", idOf(items[again]));
      for (const item of items) if (idOf(item) !== undefined) handedOut.add(idOf(item));
      seen.add(token);
      page = (await transport.call(method, { ...args, [paging.tokenArg]: token }, options)) as Record<string, unknown>;
    }
  }
  return {
    then: (onFulfilled, onRejected) => firstPage().then(onFulfilled, onRejected),
    catch: (onRejected) => firstPage().catch(onRejected),
    finally: (onFinally) => firstPage().finally(onFinally),
    [Symbol.toStringTag]: "PagePromise",
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* (page as Record<string, Item[]>)[paging.itemsField] ?? [];
    },
  };
}
