/**
 * @wrikekit/client: the Wrike API, typed end to end. The main entry is Wrike API v4, the API real
 * accounts answer (exactly as `./v4/index.ts`); the retired v2 API is complete at `@wrikekit/client/v2`.
 *
 *   const wrike = createWrikeClient({ auth: { kind: "bearer", token } });
 *   const { data: [task] } = await wrike.tasks.get({ taskIds: [taskId], fields: ["description"] });
 *
 * Every method is also a standalone function (`tasksGet(transport, args)`) for bundles that import only
 * what they use.
 */
export * from "./v4/index.js";
