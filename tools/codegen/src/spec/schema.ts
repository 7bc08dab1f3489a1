/**
 * The schema of spec/ itself. The spec is data; this file says what shape that data must have, so a
 * broken spec fails before any emitter runs (see load.ts for how errors name the file and the path).
 *
 * The format fits both API styles Wrike has shipped: the method-style v2 API (`style: rpc`, POST to
 * `/api/{format}/v2/{method}`, form-encoded arguments, comma-separated lists) and the REST v4 API
 * (`style: rest`, path parameters, GET/PUT/DELETE, query vs body, JSON-encoded arrays, page tokens).
 */
import { z } from "zod";

/**
 * Names every JavaScript object already has (constructor, toString, __proto__, ...): as a key in the spec
 * it would be lost (__proto__) or read from Object.prototype by generated code that looks it up.
 */
const objectPrototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an identifier (letters, digits, _)")
  .refine((name) => !objectPrototypeNames.has(name), { error: (issue) => `"${issue.input}" is a property of every JavaScript object: choose another name` });
const pascalName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "must be a PascalCase name");
const text = z.string().min(1);

/**
 * A type expression: a scalar (see SCALAR_TYPES), a model or enum name, or any of those followed by `[]`
 * for a list. Names are resolved in load.ts, which reports unknown ones with their path.
 */
export const SCALAR_TYPES = [
  "string", // free text
  "integer", // 32-bit integer
  "long", // 64-bit integer that fits a JS number (epoch milliseconds, sizes)
  "double", // floating point
  "boolean",
  "id", // numeric object id; servers send it as a number or a numeric string, decoded to a number
  "uid", // user id string such as "OYgzyijdAo5Q"
  "timestamp", // server timestamp "yyyy-MM-dd HH:mm:ss.S"; "" means none
  "date", // calendar date; sent as yyyy-MM-dd
  "localDateTime", // date and time without zone; sent as yyyy-MM-dd'T'HH:mm:ss
  "binary", // a byte stream (downloads; uploads with encoding: raw)
  // v4 (REST):
  "opaqueId", // v4 object id: opaque text, up to 256 chars of [A-Za-z0-9-_:.=]; never checked with a pattern, compared only for equality
  "utcTimestamp", // UTC instant, sent and received as yyyy-MM-dd'T'HH:mm:ss'Z'
  "json", // any JSON value, passed through as it is (records the reference leaves untyped)
] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

/** Types from @wrikekit/core that the TypeScript types of scalars name (naming.ts responseType and argumentType). */
export const coreTypeNames = ["UtcTimestamp", "LocalDateTime", "DateOnly", "V2Timestamp", "UploadBody"] as const;
const typeExpression = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(\[\])?$/, "must be a type: a scalar, a model or enum name, optionally followed by []");

/** How a list argument travels on the wire. */
const listEncoding = z.enum([
  "comma", // a,b,c (v2 arguments, v4 ids in paths)
  "json", // ["a","b"] (v4 query arrays); for model-typed arguments, the object as JSON text
  "bracket", // [a,b] (v4 webhook events): unquoted items joined by commas inside brackets; items may contain neither
  "repeat", // k=a&k=b
  "raw", // v4 uploads: a binary argument that is the whole request body
]);

const argument = z.strictObject({
  type: typeExpression,
  required: z.boolean().default(false),
  /** Documented server default; informative, the client does not send it. */
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
  /** Where the argument goes. `body` for rpc style; rest style uses all four. */
  in: z.enum(["body", "query", "path", "header"]).default("body"),
  /** Wire name when it differs from the argument's name in the spec and in TypeScript. */
  wireName: z.string().optional(),
  /** For list types: how the items are joined. */
  encoding: listEncoding.optional(),
  /** For strings and string lists: each value must match this regular expression. */
  pattern: z.string().optional(),
  /** null may be sent: it removes the value (v4 metadata and custom field values). */
  nullable: z.boolean().optional(),
  /** For lists: at most this many items per request (v4 id lists in paths: 100); a client splits longer lists. */
  maxItems: z.number().int().positive().optional(),
  /** For numbers: the smallest and largest value the server takes (v4 pageSize: 1 to 1000, 100 for request forms); servers and mocks refuse others. */
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  /**
   * A `fields`-style argument: its values name optional fields of this model (those marked `selectable`)
   * that the response then carries, so `fields: ["description"]` makes `description` present.
   */
  selects: pascalName.optional(),
  /** For enum-typed arguments: the subset of the enum's values this argument accepts, when narrower. */
  values: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  /** A credential (a webhook's signing secret): generated code keeps it out of state others can read, such as React Query's mutation variables. */
  sensitive: z.boolean().optional(),
});
export type ArgumentSpec = z.infer<typeof argument>;

const field = z.strictObject({
  type: typeExpression,
  /** true: a response without this field is invalid. Most fields may be left out (see `fields` arguments). */
  required: z.boolean().default(false),
  description: z.string().optional(),
  /** Other names a real server has been seen to send for this field; decoded to the field's own name. */
  aliases: z.array(identifier).optional(),
  /** For id lists: also accept one comma-separated string where the reference shows one. */
  acceptCommaSeparated: z.boolean().optional(),
  /** XML only: the field is an attribute of the element rather than a child element. */
  xmlAttribute: z.boolean().optional(),
  /** XML only, for lists: the element name of each item (default: the item model's element, else "item"). */
  xmlItem: identifier.optional(),
  /** The server may send null for this field. */
  nullable: z.boolean().optional(),
  /** Sent only when a `fields` argument (one with `selects` naming this model) asks for it. */
  selectable: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof field>;

const model = z.strictObject({
  description: z.string().optional(),
  /** XML element name of one instance when it appears as a list item. */
  xmlElement: identifier.optional(),
  fields: z.record(identifier, field),
});
export type ModelSpec = z.infer<typeof model>;

/** Enums are open: values the spec does not list still decode (Wrike adds values over time). */
const enumSpec = z.strictObject({
  type: z.enum(["integer", "string"]),
  description: z.string().optional(),
  values: z.record(identifier, z.union([z.number().int(), z.string()])),
});
export type EnumSpec = z.infer<typeof enumSpec>;

const responseVariant = z.strictObject({
  /** JSON root key, which is also the XML root element. Absent for APIs whose body is the document. */
  root: identifier.optional(),
  /** A model name, or an inline model given a name of its own. */
  body: z.union([pascalName, z.strictObject({ name: pascalName, description: z.string().optional(), fields: z.record(identifier, field) })]),
  /** When this variant is returned (for methods with several). */
  when: z.string().optional(),
  /**
   * The boolean argument that selects this variant, when one does (`{ name: count, equals: true }`), so the
   * result type follows the arguments; the variant without one is returned otherwise.
   */
  whenArgument: z.strictObject({ name: identifier, equals: z.boolean() }).optional(),
});

/** v4: the envelope's item type, a model or `json` (the list is implied). */
const envelopeData = typeExpression.refine((t) => !t.endsWith("[]"), "data names the item type; the list is implied");

/**
 * v4: one of several answers of an enveloped method, told apart by the envelope's `kind` (decoders read the
 * kind; a kind no variant names decodes as the first variant, the default, as kinds are open). The default
 * is returned unless the call gives one of another variant's `whenAnyArgument`.
 */
const envelopeVariant = z.strictObject({
  kind: text,
  data: envelopeData,
  /** When this variant is returned, in words (the reference's rule). */
  when: text,
  /** Any of these arguments given selects this variant (every variant but the first has this). */
  whenAnyArgument: z.array(identifier).min(1).optional(),
  /**
   * The default only: arguments known not to change the answer (`deleted`: "does not affect method's mode").
   * A call giving none but these (and path arguments) is typed as the default; a call giving an argument in
   * no variant's lists is typed as the union of all variants.
   */
  neutralArguments: z.array(identifier).optional(),
});
export type EnvelopeVariantSpec = z.infer<typeof envelopeVariant>;

const response = z.union([
  z.strictObject({ variants: z.array(responseVariant).min(1) }),
  z.strictObject({ variants: z.array(envelopeVariant).min(2) }),
  z.strictObject({ binary: z.literal(true), description: z.string().optional() }),
  /**
   * v4: the API's envelope (api.yaml `envelope`) with this `kind` value and `data` a list of this type (a model, or `json` where the reference leaves the items untyped).
   * Paged methods (see `paging`) also carry the envelope's page fields.
   */
  z.strictObject({ kind: text, data: envelopeData }),
]);
export type ResponseSpec = z.infer<typeof response>;

/** A textual fix applied to a reference example whose text is defective; recorded, never silent. */
const repair = z.strictObject({ find: text, replace: z.string(), why: text });

const example = z.strictObject({
  name: identifier,
  format: z.enum(["json", "xml"]),
  /** The example exactly as the reference prints it. */
  text: text,
  repairs: z.array(repair).default([]),
  /** The arguments the example answers, when the reference gives them. */
  args: z.record(z.string(), z.unknown()).optional(),
});
export type ExampleSpec = z.infer<typeof example>;

const quirk = z.strictObject({ what: text, handling: text });

const paging = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("offset"),
    limitArg: identifier,
    offsetArg: identifier,
    itemsField: identifier,
    /** Stable order for paging: the argument that orders results and its value for ascending ids. */
    orderArg: identifier,
    idOrder: text,
    idField: identifier,
  }),
  z.strictObject({
    kind: z.literal("pageToken"),
    pageSizeArg: identifier,
    tokenArg: identifier,
    nextTokenField: identifier,
    itemsField: identifier,
  }),
]);

const method = z.strictObject({
  /** The API's own name for the method, e.g. wrike.task.add. */
  id: text,
  summary: text,
  description: z.string().optional(),
  http: z.strictObject({
    method: z.enum(["GET", "POST", "PUT", "DELETE", "PATCH"]),
    /** rpc: the method segment appended to the format's base path; rest: a path with {param} placeholders. */
    path: text,
  }),
  /** Reading methods may be retried and cached; writes change state. */
  kind: z.enum(["read", "write"]),
  args: z.record(identifier, argument).default({}),
  /** Groups of optional arguments of which each call must give at least one. */
  requireOneOf: z.array(z.array(identifier).min(2)).default([]),
  response: response,
  /** Error codes (keys of the API's `errors.codes`) the reference documents for this method. */
  errors: z.array(z.number().int()).default([]),
  /** Reference text of each error for this method, keyed by code. */
  errorMessages: z.record(z.string(), z.string()).optional(),
  examples: z.array(example).default([]),
  quirks: z.array(quirk).default([]),
  /** Rules from the reference that this method is subject to (ids of the API's `rules`). */
  rules: z.array(identifier).default([]),
  paging: paging.optional(),
  /** An "updates since a marker" method: the argument taking the marker and the result field returning the next one. */
  incremental: z.strictObject({ sinceArg: identifier, markerField: identifier }).optional(),
  /** Query keys a successful call makes stale: method ids of reads (used by the React hooks). */
  invalidates: z.array(text).default([]),
  /** OAuth 2.0 scopes (keys of api.yaml auth.oauth2.scopes) any one of which lets a token call this method. */
  scopes: z.array(identifier).optional(),
  /** The call starts a job on the server and answers an AsyncJob; api.yaml `asyncJobs` says how to poll it. */
  asyncJob: z.boolean().optional(),
  /** The request body is a file: one `encoding: raw` binary body argument, its name in a header argument. */
  upload: z.boolean().optional(),
  /** For AI assistants (MCP): whether the tool is in the default set, and a description where the summary is not enough. */
  assistant: z.strictObject({ default: z.boolean(), description: z.string().optional() }).optional(),
});
export type MethodSpec = z.infer<typeof method>;

/** One file under spec/methods/: a group of methods, exposed as `client.<group>.<method>`. */
export const groupFileSchema = z.strictObject({
  group: identifier,
  description: z.string().optional(),
  /**
   * Groups whose reads every write of this group makes stale (the React hooks invalidate them): `[tasks]`
   * on tasks says a task write refreshes every task read. Added to each write's own `invalidates`.
   */
  writesInvalidate: z.array(identifier).default([]),
  methods: z.record(identifier, method),
});
export type GroupFile = z.infer<typeof groupFileSchema>;

const errorCode = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be an error name such as ACCESS_ERROR or resource_not_found"),
  description: text,
  /** HTTP status the emulator answers with for this error. */
  httpStatus: z.number().int().min(400).max(599),
});

/** v4: one HTTP status and the error names the API answers with it (several per status). */
const errorStatus = z.strictObject({
  description: text,
  names: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "must be an error name such as resource_not_found"), text),
});

/** OAuth 2.0 (v4): authorization-code flow, refresh, the per-token API host and the scopes methods list. */
const oauth2 = z.strictObject({
  authorizeUrl: z.url(),
  tokenUrl: z.url(),
  grantTypes: z.array(z.enum(["authorization_code", "refresh_token"])).min(1),
  /** Token-response field naming the API host every later call must use (a wrong host answers HTTP 300). */
  hostField: identifier,
  responseParams: z.record(identifier, text),
  /** Permanent tokens are sent like access tokens, as `Authorization: Bearer`. */
  permanentTokens: text,
  scopes: z.record(identifier, text),
});

/** v4: the `{kind, data}` document every JSON answer is wrapped in; declared once here. */
const envelope = z.strictObject({
  kindField: identifier,
  dataField: identifier,
  /** Paged answers: the token of the next page (absent on the last page) and the total count. */
  nextPageTokenField: identifier,
  responseSizeField: identifier,
  description: text,
});

/** The webhook signing scheme, stated in one place so that a correction is one line. */
const webhookSigning = z.strictObject({
  /** Header carrying the handshake value and, on events, the signature. */
  header: z.string().min(1),
  algorithm: z.literal("HMAC-SHA256"),
  digestEncoding: z.literal("hex"),
  /** Events: the signature is computed over the raw request body with the subscription's secret. */
  eventSignedOver: z.literal("rawBody"),
  /** Handshake: the answer's header carries HMAC(secret, the request's header value). */
  handshake: z.strictObject({
    requestHeader: z.string().min(1),
    answerHeader: z.string().min(1),
    signedOver: z.literal("requestHeaderValue"),
    /** The handshake's body: a JSON object whose `field` is `value` (event bodies are JSON arrays). */
    body: z.strictObject({ field: identifier, value: z.string().min(1) }),
  }),
  /** How sure we are: "confirmed" or "publiclyDescribedUnconfirmed". */
  status: z.enum(["confirmed", "publiclyDescribedUnconfirmed"]),
  source: text,
});

const oauthEndpoint = z.strictObject({
  url: z.url(),
  methods: z.array(z.enum(["GET", "POST"])).min(1),
  description: text,
  params: z.record(identifier, z.strictObject({ required: z.boolean(), description: text })),
  responseParams: z.record(identifier, text).default({}),
});

/** spec/api.yaml: what holds for the whole API. */
export const apiFileSchema = z.strictObject({
  name: identifier,
  title: text,
  style: z.enum(["rpc", "rest"]),
  baseUrl: z.url(),
  /** Base path per response format; `{method}` is replaced by the method id (rpc) or path (rest). */
  formats: z.partialRecord(z.enum(["json", "xml"]), z.strictObject({ path: text })).refine((f) => Object.keys(f).length > 0, "at least one format"),
  /** The format a server uses when the request names none. */
  serverDefaultFormat: z.enum(["json", "xml"]),
  /** An argument the server answers back unchanged in the result's field of the same name (v2: asyncKey), and the rule that says so. */
  echo: z.strictObject({ field: identifier, rule: identifier }).optional(),
  encoding: z.strictObject({ requestBody: z.enum(["form", "json"]), charset: z.literal("UTF-8") }),
  /** Arguments every method takes, sent by the transport rather than the caller. */
  commonArgs: z.record(identifier, argument).default({}),
  errors: z.strictObject({
    envelope: z.strictObject({
      /** Root key of the error document (absent when fields are at the top level, as in v4). */
      root: identifier.optional(),
      codeField: identifier.optional(),
      nameField: identifier,
      messageField: identifier,
      decision: text,
      example: text,
    }),
    /** rpc (v2): numbered error codes, each with one name. */
    codes: z.record(z.string().regex(/^\d+$/), errorCode).default({}),
    /** rest (v4): per HTTP status, the error names it carries; methods' `errors` list these statuses. */
    statuses: z.record(z.string().regex(/^\d{3}$/), errorStatus).optional(),
    /** rest (v4): the status a server answers when the account lives on another data-centre host (v4: 300). */
    wrongHostStatus: z.number().int().min(300).max(399).optional(),
  }),
  auth: z.strictObject({
    oauth1: z
      .strictObject({
        signatureMethods: z.array(z.enum(["HMAC-SHA1", "PLAINTEXT"])),
        timestampWindowSeconds: z.number().int().positive(),
        endpoints: z.strictObject({ requestToken: oauthEndpoint, authorize: oauthEndpoint, accessToken: oauthEndpoint }),
      })
      .optional(),
    oauth2: oauth2.optional(),
  }),
  envelope: envelope.optional(),
  /** v4: how a method with `asyncJob: true` is followed: the read that polls the job, and its id argument. */
  asyncJobs: z
    .strictObject({ pollMethod: text, idArg: identifier, statusField: identifier, /** Statuses of a job still running; any other is final. */ pendingStatuses: z.array(text).min(1), description: text })
    .optional(),
  webhooks: z.strictObject({ signing: webhookSigning }).optional(),
  rateLimit: z.strictObject({
    requestsPerMinute: z.number().int().positive(),
    retryOn: z.array(z.number().int()),
    initialBackoffMs: z.number().int().positive(),
    /** The server counts the budget per second (v4), so a client spreads it instead of spending a minute's worth at once. */
    countedPerSecond: z.boolean().optional(),
    source: text,
  }),
  rules: z.record(identifier, text).default({}),
  enums: z.record(pascalName, enumSpec).default({}),
  models: z.record(pascalName, model).default({}),
});
export type ApiFile = z.infer<typeof apiFileSchema>;

const eventField = field.extend({
  /** The field is not in the public list of payload fields but inferred (from the event's name or a sibling event). */
  inferred: z.boolean().optional(),
});

/** spec/<api>/events.yaml: webhook event types and their payloads (optional; v4 only). */
export const eventsFileSchema = z.strictObject({
  description: z.string().optional(),
  /** The JSON field whose value names the event type; unknown values are kept as unknown events. */
  discriminator: identifier,
  /**
   * The name of an open enum of the event types (its values the keys of `events`), which arguments may name
   * (a webhook's `events` filter): the list of types is written once, here.
   */
  typeEnum: pascalName.optional(),
  /** A delivery's body is a JSON array of events (true) or one event object. */
  bodyIsArray: z.boolean(),
  /** Fields every event carries. */
  commonFields: z.record(identifier, eventField),
  events: z.record(
    pascalName,
    z.strictObject({
      description: text,
      /** The entity the event is about (task, folder, comment, ...). */
      subject: identifier,
      fields: z.record(identifier, eventField).default({}),
      quirks: z.array(quirk).default([]),
    }),
  ),
  quirks: z.array(quirk).default([]),
});
export type EventsFile = z.infer<typeof eventsFileSchema>;
