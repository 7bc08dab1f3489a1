/**
 * The shape of a REST API as a server sees it, generated from the spec (`<api>Operations`, `<api>Models`,
 * `<api>Enums`): every operation's verb, path, arguments and where each travels, its scopes and answer.
 * The generic reader (rest-args.ts) and route matcher (rest-routes.ts) work from these tables alone.
 */

/** A type of the spec: a scalar (`string`, `opaqueId`, ...), a model or an enum, optionally a list. */
export interface RestType {
  readonly name: string;
  readonly kind: "scalar" | "model" | "enum";
  readonly list: boolean;
}

export interface RestArgument {
  /** The name on the wire (query, form body, path placeholder or header). */
  readonly wireName: string;
  readonly in: "path" | "query" | "body" | "header";
  readonly type: RestType;
  /** Absent when false (the generated table leaves false members out). */
  readonly required?: boolean;
  /** comma: a,b,c (ids in paths); bracket: [a,b] (webhook events); json: JSON text (arrays, models, json values); raw: the whole request body. */
  readonly encoding?: "comma" | "bracket" | "json" | "repeat" | "raw";
  /** null may be sent to remove the value. */
  readonly nullable?: boolean;
  readonly maxItems?: number;
  /** For numbers: the smallest and largest value taken. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** For enum arguments: the values this argument accepts, when narrower than the enum. */
  readonly values?: readonly string[];
  /** A `fields` argument: it names optional fields of this model. */
  readonly selects?: string;
}

/** One answer of an operation: the envelope's kind and the type of its items. */
export interface RestAnswer {
  readonly kind: string;
  readonly data: RestType;
}

export interface RestOperation {
  /** The spec's id, `GET /tasks`. */
  readonly id: string;
  /** `group.key` of the spec: tasks.list. */
  readonly name: string;
  readonly verb: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  readonly path: string;
  readonly kind: "read" | "write";
  /** OAuth 2.0 scopes, any one of which lets a token call it. */
  readonly scopes: readonly string[];
  /** The envelope's kind and item type (the default answer when there are several); undefined for binary answers. */
  readonly response?: RestAnswer & {
    /** Other answers, each given when a call gives any of its arguments (see restAnswer); absent for one answer. */
    readonly variants?: readonly (RestAnswer & { readonly whenAnyArgument: readonly string[] })[];
  };
  readonly paging?: { readonly pageSizeArg: string; readonly tokenArg: string };
  /** Answers an AsyncJob to poll (absent when false). */
  readonly asyncJob?: boolean;
  /** The body is a raw file (absent when false). */
  readonly upload?: boolean;
  readonly args: Readonly<Record<string, RestArgument>>;
}

export interface RestField {
  readonly type: RestType;
  readonly required?: boolean;
  readonly nullable?: boolean;
  /** Sent only when a `fields` argument asks for it. */
  readonly selectable?: boolean;
}

export type RestModels = Readonly<Record<string, Readonly<Record<string, RestField>>>>;
export type RestEnums = Readonly<Record<string, readonly string[]>>;

/** What holds for the whole API: its path prefix, envelope and error statuses. */
export interface RestApi {
  readonly name: string;
  readonly baseUrl: string;
  /** The path template, `/api/v4{method}`. */
  readonly pathTemplate: string;
  readonly envelope: { readonly kindField: string; readonly dataField: string; readonly nextPageTokenField: string; readonly responseSizeField: string };
  readonly errorEnvelope: { readonly nameField: string; readonly messageField: string };
  /** HTTP status → the error names it carries. */
  readonly errorStatuses: Readonly<Record<string, readonly string[]>>;
  readonly scopes: readonly string[];
}
