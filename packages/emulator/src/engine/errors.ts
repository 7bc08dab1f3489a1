/** The API's error codes as a typed exception: engine functions throw it, the handler renders it. */
import { errorCodes } from "@wrikekit/client/v2";
import { XmlWriteError } from "@wrikekit/core/server";

export type ErrorCode = { [K in keyof typeof errorCodes]: K extends `${infer N extends number}` ? N : never }[keyof typeof errorCodes];

export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  readonly code: ErrorCode;
  /** CREDENTIALS_ERROR, MISSING_REQUIRED_PARAMETER, LIMITATION_ERROR, ACCESS_ERROR or APPLICATION_ERROR. */
  readonly errorName: string;
  /** The HTTP status the spec assigns to the code. */
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.errorName = errorCodes[code].name;
    this.httpStatus = errorCodes[code].httpStatus;
  }
}

/** 403: the reference's own wording, naming every absent argument. */
export function missingParameter(names: readonly string[]): EmulatorError {
  return new EmulatorError(403, `Missing required parameter: ${names.join(", ")}`);
}

/** 407 for an argument the method cannot use; the message names the argument. */
export function invalidArgument(name: string, problem: string): EmulatorError {
  return new EmulatorError(407, `Invalid argument ${name}: ${problem}`);
}

/**
 * Stored text XML cannot carry (state loaded from a file, or changed by a test) makes the XML answer
 * impossible: 407, as a server failing to write its answer would. Anything else thrown while serving a
 * call is an emulator bug; it still answers in the API's envelope.
 */
export function toEmulatorError(error: unknown): EmulatorError {
  if (error instanceof EmulatorError) return error;
  if (error instanceof XmlWriteError) return new EmulatorError(407, `The answer cannot be written in XML: ${error.message}`);
  return new EmulatorError(407, `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`);
}
