/**
 * @wrikekit/client: the Wrike API, typed end to end. The main entry is the v2 API, exactly as
 * `@wrikekit/client/v2`.
 *
 *   const wrike = createWrikeClient({ auth: { kind: "oauth1", consumerKey, consumerSecret, token, tokenSecret } });
 *   const task = await wrike.task.add({ title: "Write the report", parents: [folderId] });
 *
 * Every method is also a standalone function (`taskAdd(transport, args)`) for bundles that import only
 * what they use.
 */
export * from "./v2/index.js";
