/**
 * v4 ids: opaque to clients, but the emulator makes them sort in creation order (a fixed-width base-32
 * counter after a prefix per kind), so id-ordered lists and page tokens that name "the last id seen"
 * need no separate sequence. Clients must not rely on that: Wrike's ids carry no order.
 */
// In ASCII order, so that string comparison of two ids is numeric comparison of their counters.
const DIGITS = "234567ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WIDTH = 8;

/** The account id every object id starts with, as Wrike's do. */
export const ACCOUNT_ID = "IEAGKVLF";

/** Kind markers, as Wrike's ids differ by kind (task ids start KQ, folders I4, users KU, ...). */
export const ID_KIND = {
  task: "KQ",
  folder: "I4",
  comment: "IM",
  attachment: "IY",
  timelog: "JU",
  timelogCategory: "HS",
  customField: "JV",
  workflow: "K4",
  customStatus: "JM",
  approval: "KA",
  dependency: "JE",
  asyncJob: "MQ",
  group: "KX",
  user: "KU",
  webhook: "JA",
} as const;

export type IdKind = keyof typeof ID_KIND;

export function formatId(kind: IdKind, counter: number): string {
  let digits = "";
  for (let n = counter, i = 0; i < WIDTH; i++, n = Math.floor(n / 32)) digits = DIGITS[n % 32] + digits;
  return `${ACCOUNT_ID}${ID_KIND[kind]}${digits}`;
}
