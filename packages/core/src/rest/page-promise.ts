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
  /** The answer's count of the items of every page (v4's responseSize), which bounds the walk when present. */
  totalField?: string;
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

export function pagePromise<A extends object, Page, Item>(
  transport: WrikeTransport,
  method: MethodDescriptor<A, Page>,
  paging: TokenPaging,
  args: A,
  options?: CallOptions,
): PagePromise<Page, Item> {
  let first: Promise<Page> | undefined;
  const firstPage = () => (first ??= transport.call(method, args, options));
  /** The walk stops on an answer that would make it loop, skip or repeat items: this error says which. */
  const refused = (path: string, expected: string, received: unknown) =>
    new WrikeValidationError({ method: method.id, direction: "response", issues: [{ path, expected, received: describeValue(received) }] });
  async function* pages(): AsyncGenerator<Page, void, undefined> {
    const seen = new Set<string>();
    let page = (await firstPage()) as Record<string, unknown>;
    const total = paging.totalField === undefined ? undefined : page[paging.totalField];
    let count = 0;
    for (;;) {
      const items = (page[paging.itemsField] as unknown[] | undefined) ?? [];
      if (paging.totalField !== undefined && page[paging.totalField] !== total)
        throw refused(paging.totalField, `${describeValue(total)} as on the first page (the list changed while it was paged; items may be skipped or repeated: start again)`, page[paging.totalField]);
      count += items.length;
      if (typeof total === "number" && count > total) throw refused(paging.itemsField, `no more than ${paging.totalField} (${total}) items over all pages (stopped instead of repeating items)`, count);
      yield page as Page;
      const token = page[paging.nextTokenField];
      if (typeof token !== "string" || token === "") return;
      // An empty page that promises more would let a server walk us through empty pages forever.
      if (items.length === 0) throw refused(paging.itemsField, `items on a page that has a ${paging.nextTokenField}`, items);
      // A token seen before would loop forever: the server is repeating itself.
      if (seen.has(token)) throw refused(paging.nextTokenField, "a new page token (the server answered this one twice; stopped instead of looping)", token);
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
