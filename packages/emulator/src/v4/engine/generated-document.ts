/**
 * Answers for the operations the emulator does not keep state for: one item built from the spec's model
 * of the operation's data, every field that is not optional filled with a value of its type, nested
 * models to a small depth. The same operation always answers the same document.
 */
import type { RestAnswer, RestEnums, RestModels, RestType } from "@wrikekit/core/server";
import { ACCOUNT_ID } from "./ids.js";

const FIXED_TIME = "2026-01-05T09:00:00Z";
const MAX_DEPTH = 3;

function valueOf(type: RestType, name: string, models: RestModels, enums: RestEnums, depth: number): unknown {
  const one = (): unknown => {
    if (type.kind === "enum") return enums[type.name]?.[0] ?? "";
    if (type.kind === "model") return depth >= MAX_DEPTH ? {} : modelDocument(type.name, models, enums, depth + 1);
    switch (type.name) {
      case "opaqueId":
        return `${ACCOUNT_ID}${name.slice(0, 2).toUpperCase()}AAAAAA`;
      case "integer":
      case "long":
      case "double":
        return 0;
      case "boolean":
        return false;
      case "utcTimestamp":
        return FIXED_TIME;
      case "localDateTime":
        return FIXED_TIME.slice(0, 19);
      case "date":
        return FIXED_TIME.slice(0, 10);
      case "json":
        return {};
      default:
        return name;
    }
  };
  return type.list ? [one()] : one();
}

/** A model's document: every field that is not selectable (optional fields are sent only when asked). */
export function modelDocument(model: string, models: RestModels, enums: RestEnums, depth = 0): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(models[model] ?? {})) {
    if (field.selectable === true && !field.required) continue;
    doc[name] = valueOf(field.type, name, models, enums, depth);
  }
  return doc;
}

export function generatedData(answer: RestAnswer, models: RestModels, enums: RestEnums): unknown[] {
  const { data } = answer;
  return [data.kind === "model" ? modelDocument(data.name, models, enums) : valueOf(data, "value", models, enums, 0)];
}
