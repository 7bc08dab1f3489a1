/**
 * @wrikekit/client/server/v4: the table servers and test doubles of Wrike API v4 work from (the emulator,
 * the MSW handlers): the API's path template, envelope, error statuses and scopes, every operation's verb,
 * path, scopes and arguments (slot and encoding), every model's fields and every enum's values, in the
 * shapes @wrikekit/core/server reads. A separate entry, so that the client's own bundles leave it out.
 */
export * from "./generated/server.js";
