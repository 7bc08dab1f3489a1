/** v4 errors as a typed exception: engine functions throw it, the handler answers the v4 error envelope. */
export type V4ErrorName =
  | "invalid_request"
  | "invalid_parameter"
  | "parameter_required"
  | "not_authorized"
  | "access_forbidden"
  | "not_allowed"
  | "resource_not_found"
  | "method_not_found"
  | "rate_limit_exceeded"
  | "server_error";

export class V4Error extends Error {
  override readonly name = "V4Error";
  constructor(
    /** The HTTP status spec/v4/api.yaml errors.statuses lists the error name under. */
    readonly status: number,
    readonly error: V4ErrorName,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParameter = (name: string, problem: string) => new V4Error(400, "invalid_parameter", `Invalid parameter ${name}: ${problem}`);
export const notFound = (what: string, id: string) => new V4Error(404, "resource_not_found", `${what} ${JSON.stringify(id)} not found`);
export const notAllowed = (message: string) => new V4Error(403, "not_allowed", message);
export const forbidden = (message: string) => new V4Error(403, "access_forbidden", message);
