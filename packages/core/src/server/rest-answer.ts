/**
 * Which answer an operation gives a call, for operations with several (GET /folders: the folder tree, or
 * folders once a filter or paging argument is given): the first variant any of whose arguments the call
 * gives, else the default. The emulator and the MSW handlers both answer by it.
 */
import type { RestAnswer, RestOperation } from "./rest-table.js";

export function restAnswer(operation: RestOperation, args: Readonly<Record<string, unknown>>): RestAnswer | undefined {
  const response = operation.response;
  return response?.variants?.find((v) => v.whenAnyArgument.some((name) => args[name] !== undefined)) ?? response;
}
