/** How much of a result goes back to the model: long pages are cut, and the note says how to get the rest. */
import { encodeCursor, type PagePosition } from "./cursor.js";
import type { ToolPaging } from "./table.js";

export interface ResultBudget {
  /** At most this many items of a list go back in one result. Default 50. */
  maxItems: number;
  /** Items stop once their JSON text would pass this many characters (at least one item always goes back). Default 40 000. */
  maxChars: number;
  /** Downloads larger than this many bytes are left out of the result, with a note. Default 1 MiB. */
  maxDownloadBytes: number;
}

export const DEFAULT_BUDGET: ResultBudget = { maxItems: 50, maxChars: 40_000, maxDownloadBytes: 1024 * 1024 };

export interface ShapedResult {
  /** The result as the output schema describes it, with the items cut and the next-token field holding our cursor. */
  structured: Record<string, unknown>;
  /** Says what was left out and how to get it, when something was. */
  note: string | undefined;
}

/** How many of `items` fit the budget. */
function fitting(items: readonly unknown[], budget: ResultBudget): number {
  let chars = 0;
  let count = 0;
  for (const item of items) {
    if (count >= budget.maxItems) break;
    chars += JSON.stringify(item)?.length ?? 0;
    if (count > 0 && chars > budget.maxChars) break;
    count++;
  }
  return count;
}

/** Cuts one page of a list result to the budget; `position` is where the page started. */
export function shapePage(toolName: string, result: Record<string, unknown>, paging: ToolPaging, position: PagePosition, budget: ResultBudget): ShapedResult {
  const page = result[paging.itemsField];
  const structured = { ...result };
  delete structured[paging.nextTokenField];
  if (!Array.isArray(page)) return { structured, note: undefined };
  const items = page.slice(position.skip);
  const kept = fitting(items, budget);
  structured[paging.itemsField] = items.slice(0, kept);
  const again = (cursor: string) => `call ${toolName} again with the same arguments and ${paging.cursorArgument}: ${JSON.stringify(cursor)}`;
  if (kept < items.length) {
    const cursor = encodeCursor({ token: position.token, skip: position.skip + kept });
    structured[paging.nextTokenField] = cursor;
    const shown = `${position.skip + 1}-${position.skip + kept}`;
    return { structured, note: `Cut to fit: showing items ${shown} of the ${page.length} on this page. To get the rest, ${again(cursor)}.` };
  }
  const next = result[paging.nextTokenField];
  if (typeof next === "string" && next !== "") {
    const cursor = encodeCursor({ token: next, skip: 0 });
    structured[paging.nextTokenField] = cursor;
    return { structured, note: `There are more results. To get the next page, ${again(cursor)}.` };
  }
  return { structured, note: undefined };
}
