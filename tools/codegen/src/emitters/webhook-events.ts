/**
 * Emits the webhook events of an API (events.yaml) for @wrikekit/webhooks: one interface per event type, the
 * discriminated union of them by the discriminator (eventType), `UnknownWebhookEvent` for types the spec does
 * not list (kept, never dropped), their decoders (the decoders emitter's, on core's runtime/decode), and the
 * signing scheme constant from api.yaml `webhooks.signing`, so that a correction of either is one line of spec.
 */
import { VariableDeclarationKind } from "ts-morph";
import { docs, type DeclarationSink, type Emitter } from "../emit.js";
import type { Field, Ir, Model, WebhookEvents } from "../model.js";
import { coreTypeTracker, names } from "../naming.js";
import { modelDecoder } from "./decoders.js";
import { importRuntime } from "./shared/runtime-codecs.js";
import { addEnum, fieldProperty, fieldType } from "./types.js";

/** The WebCrypto hash of each HMAC algorithm the spec's schema allows. */
const WEBCRYPTO_HASH = { "HMAC-SHA256": "SHA-256" } as const;
/** How the spec names what a MAC covers, as the scheme object says it. */
const SIGNED_OVER = { rawBody: "raw-body" } as const;

const eventTypeName = (type: string) => `${type}Event`;

/** The models and enums the event fields name, and those the models name in turn: the file declares its own. */
function referencedTypes(ir: Ir, fields: readonly Field[]): { models: Model[]; enums: Ir["enums"] } {
  const byName = new Map(ir.models.map((m) => [m.name, m]));
  const models = new Map<string, Model>();
  const enums = new Set<string>();
  const visit = (f: Field) => {
    if (f.type.kind === "enum") enums.add(f.type.name);
    if (f.type.kind !== "model" || models.has(f.type.name)) return;
    const model = byName.get(f.type.name);
    if (model === undefined) throw new Error(`webhook events: field ${f.name} names the model ${f.type.name}, which api.yaml does not declare`);
    models.set(model.name, model);
    model.fields.forEach(visit);
  };
  fields.forEach(visit);
  return { models: [...models.values()], enums: ir.enums.filter((e) => enums.has(e.name)) };
}

function emitScheme(ir: Ir, file: DeclarationSink): void {
  const signing = ir.api.webhooks?.signing;
  if (signing === undefined) throw new Error(`${ir.api.name}: events.yaml lists webhook events but api.yaml states no webhooks.signing`);
  const scheme = {
    header: signing.header,
    hash: WEBCRYPTO_HASH[signing.algorithm],
    encoding: signing.digestEncoding,
    signed: SIGNED_OVER[signing.eventSignedOver],
    handshake: { requestHeader: signing.handshake.requestHeader, answerHeader: signing.handshake.answerHeader, field: signing.handshake.body.field, value: signing.handshake.body.value },
    status: signing.status,
  };
  file.addImportDeclaration({ moduleSpecifier: "../../scheme.js", isTypeOnly: true, namedImports: ["WebhookSigningScheme"] });
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    declarations: [{ name: "wrikeWebhookScheme", type: "WebhookSigningScheme", initializer: JSON.stringify(scheme, null, 2).replace(/"(\w+)":/g, "$1:") }],
    ...docs(`How Wrike signs webhook requests (api.yaml webhooks.signing, ${signing.status}): ${signing.source}`),
  });
}

function emitEvents(events: WebhookEvents, file: DeclarationSink, track: (type: string) => string, xml: boolean): void {
  const { discriminator } = events;
  const common = events.common.filter((f) => f.name !== discriminator);
  const discriminatorField = events.common.find((f) => f.name === discriminator);
  if (discriminatorField === undefined) throw new Error(`webhook events: commonFields has no ${discriminator} (the discriminator)`);
  const properties = (fields: readonly Field[]) => fields.map((f) => fieldProperty(f, track(fieldType(f))));

  file.addInterface({ isExported: true, name: "WebhookEventFields", ...docs("The fields every webhook event carries."), properties: properties(common) });
  for (const type of events.types)
    file.addInterface({
      isExported: true,
      name: eventTypeName(type.name),
      extends: ["WebhookEventFields"],
      ...docs(type.description, `About a ${type.subject}.`),
      properties: [{ name: discriminator, type: JSON.stringify(type.name), ...docs(discriminatorField.description) }, ...properties(type.fields)],
    });
  file.addInterface({
    isExported: true,
    name: "UnknownWebhookEvent",
    extends: ["WebhookEventFields"],
    ...docs(`An event of a type the spec does not list: its common fields checked, every other field kept as Wrike sent it. Tell it from a known event with \`isKnownWebhookEvent\`.`),
    properties: [{ name: discriminator, type: "string" }],
    indexSignatures: [{ keyName: "field", keyType: "string", returnType: "unknown" }],
  });
  file.addTypeAlias({ isExported: true, name: "KnownWebhookEvent", type: events.types.map((t) => eventTypeName(t.name)).join(" | "), ...docs("Every event type the spec lists, discriminated by `" + discriminator + "`.") });
  file.addTypeAlias({ isExported: true, name: "WrikeWebhookEvent", type: "KnownWebhookEvent | UnknownWebhookEvent", ...docs("What a receiver hands its handler: a known event, or an unknown one (never dropped).") });
  file.addTypeAlias({ isExported: true, name: "WebhookEventType", type: `KnownWebhookEvent[${JSON.stringify(discriminator)}]` });

  for (const type of events.types)
    file.addFunction(modelDecoder(names.modelDecoder(eventTypeName(type.name)), eventTypeName(type.name), [...events.common, ...type.fields], `Checks one ${type.name} event in place; mismatches go to ctx.issues.`, xml));
  file.addFunction(modelDecoder(names.modelDecoder("UnknownWebhookEvent"), "UnknownWebhookEvent", events.common, "Checks the common fields of an event of a type the spec does not list; every other field is kept.", xml));
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "webhookEventDecoders",
        type: "{ readonly [T in WebhookEventType]: d.Decoder<Extract<KnownWebhookEvent, { " + discriminator + ": T }>> }",
        initializer: `{ ${events.types.map((t) => `${t.name}: ${names.modelDecoder(eventTypeName(t.name))}`).join(", ")} }`,
      },
    ],
  });
  file.addFunction({
    isExported: true,
    name: "isWebhookEventType",
    ...docs("Whether `type` is an event type the spec lists."),
    parameters: [{ name: "type", type: "string" }],
    returnType: "type is WebhookEventType",
    statements: ["return Object.hasOwn(webhookEventDecoders, type);"],
  });
  file.addFunction({
    isExported: true,
    name: "isKnownWebhookEvent",
    ...docs(`Whether the event is of a type the spec lists; narrows it so that \`switch (event.${discriminator})\` sees each type's fields.`),
    parameters: [{ name: "event", type: "WrikeWebhookEvent" }],
    returnType: "event is KnownWebhookEvent",
    statements: [`return isWebhookEventType(event.${discriminator});`],
  });
  file.addFunction({
    isExported: true,
    name: names.modelDecoder("WrikeWebhookEvent"),
    ...docs(`Decodes one event by its \`${discriminator}\`: a listed type with its fields checked, any other as an UnknownWebhookEvent.`),
    parameters: [
      { name: "value", type: "unknown" },
      { name: "key", type: "string | number" },
      { name: "ctx", type: "DecodeContext" },
    ],
    returnType: "WrikeWebhookEvent",
    statements: [
      "const o = d.object(value, key, ctx);",
      "if (o === undefined) return value as WrikeWebhookEvent;",
      `const type = o.${discriminator};`,
      `const decode = typeof type === "string" && isWebhookEventType(type) ? webhookEventDecoders[type] : ${names.modelDecoder("UnknownWebhookEvent")};`,
      "return decode(o, key, ctx);",
    ],
  });
}

export const webhookEventsEmitter: Emitter = {
  name: "webhook-events",
  output: "packages/webhooks/src/{api}/generated/events.ts",
  emit(ir, file) {
    const events = ir.webhookEvents;
    if (events === undefined) throw new Error(`${ir.api.name}: the webhook-events emitter runs for an API without events.yaml`);
    importRuntime(file, "decode", "d", "DecodeContext", false);
    const { used, track } = coreTypeTracker();
    emitScheme(ir, file);
    const { models, enums } = referencedTypes(ir, [...events.common, ...events.types.flatMap((t) => t.fields)]);
    for (const e of enums) addEnum(file, e);
    for (const model of models)
      file.addInterface({ isExported: true, name: model.name, ...docs(model.description), properties: model.fields.map((f) => fieldProperty(f, track(fieldType(f)))) });
    // Webhook deliveries are JSON whatever formats the API answers in.
    const xml = false;
    emitEvents(events, file, track, xml);
    for (const model of models) file.addFunction(modelDecoder(names.modelDecoder(model), model.name, model.fields, `Checks one ${model.name} and normalises it in place; mismatches go to ctx.issues.`, xml));
    if (used.size > 0) file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", isTypeOnly: true, namedImports: [...used].sort() });
  },
};
