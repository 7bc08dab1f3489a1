/**
 * Offset paging that neither skips nor repeats items while the data changes between pages. Pages are
 * requested in ascending id order and overlap by one item (the last one handed out): if that item is
 * where it was, the page continues the previous one; if the page starts past it, items were deleted
 * before it and the window moves back; items at or below the last id handed out are never handed out again.
 * Items that start matching the filter behind the window after it has passed are not seen: they were not
 * in the set when the scan went by.
 */
import type { CallOptions, WrikeTransport } from "./transport/options.js";
import type { MethodDescriptor } from "./descriptors.js";

export interface OffsetPaging {
  limitArg: string;
  offsetArg: string;
  itemsField: string;
  /** The argument that orders results, and the term that orders them by id ascending. */
  orderArg: string;
  idOrder: string;
  idField: string;
}

export interface PageOptions extends CallOptions {
  /** Items per request, at least 2 (pages overlap by one). Default 100. */
  pageSize?: number;
}

/** What an offset-paged method returns: `for await` over it for every item; `.pages()` for the pages. */
export interface OffsetPages<Item> extends AsyncIterable<Item> {
  /** The pages, each the items one request added (the overlapping item is not repeated). */
  pages(): AsyncIterable<Item[]>;
}

/** Nothing is sent until it is iterated; each iteration is a new walk from the first page. */
export function paginateByOffset<A extends object, R>(
  transport: WrikeTransport,
  method: MethodDescriptor<A, R>,
  paging: OffsetPaging,
  args: A,
  options: PageOptions = {},
): OffsetPages<unknown> {
  const pages = () => offsetPages(transport, method, paging, args, options);
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}

async function* offsetPages<A extends object, R>(
  transport: WrikeTransport,
  method: MethodDescriptor<A, R>,
  paging: OffsetPaging,
  args: A,
  options: PageOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 2) throw new RangeError(`pageSize must be an integer of at least 2, got ${pageSize}`);
  const idOf = (item: unknown) => (item as Record<string, number>)[paging.idField]!;
  let offset = ((args as Record<string, unknown>)[paging.offsetArg] as number | undefined) ?? 0;
  let lastId = -Infinity;
  for (;;) {
    const page = (await transport.call(
      method,
      { ...args, [paging.orderArg]: [paging.idOrder], [paging.limitArg]: pageSize, [paging.offsetArg]: offset } as A,
      options,
    )) as Record<string, unknown[]>;
    const items = page[paging.itemsField] ?? [];
    if (items.length > 0 && lastId !== -Infinity && idOf(items[0]) > lastId && offset > 0) {
      // The page starts past the last item handed out: deletions shifted the list left. Look further back.
      offset = Math.max(0, offset - (pageSize - 1));
      continue;
    }
    const fresh = items.filter((item) => idOf(item) > lastId);
    if (fresh.length > 0) {
      lastId = idOf(fresh[fresh.length - 1]);
      yield fresh;
    }
    if (items.length < pageSize) return;
    offset += items.length - 1;
  }
}
