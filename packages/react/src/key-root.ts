/** First element of every wrikekit query key: `invalidateQueries({ queryKey: wrikeKeys.all })` drops them all. */
export const WRIKE_QUERY_KEY_ROOT = "wrike";
