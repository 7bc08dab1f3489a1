/** The engine: the state, one function per API method, and the rules they enforce. */
export { EmulatorError, type ErrorCode } from "./errors.js";
export type { Caller } from "./access.js";
export type { Reply } from "./reply.js";
export * from "./state.js";
export { engineMethods, type DocumentMethodId, type EngineMethod } from "./methods.js";
export { addAttachment, attachmentDownload, type AttachmentContent, type NewAttachment } from "./attachments.js";
export { seedState, SEED_CREDENTIALS } from "./seed.js";
export { loadState, saveState, StateFormatError } from "./persist.js";
export { formatTimestamp } from "./time.js";
