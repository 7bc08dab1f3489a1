/** What a server or a mock of the API needs to know of it beyond the client's ApiDescriptor; generated (`<api>ServerApi`). */
import type { ApiDescriptor, ResponseFormat } from "../descriptors.js";

/** An error code as the spec lists it: its name, meaning and the HTTP status servers answer it with. */
export interface ErrorCodeInfo {
  readonly name: string;
  readonly description: string;
  readonly httpStatus: number;
}

export interface ServerApi {
  /** The client's ApiDescriptor: base URL, path template per format, error envelope, echo rule. */
  readonly descriptor: ApiDescriptor;
  /** Every error code with its name, description and HTTP status. */
  readonly errorCodes: Readonly<Record<string, ErrorCodeInfo>>;
  /** The format the server answers in when the URL names none (XML for v2). */
  readonly serverDefaultFormat: ResponseFormat;
  /** The code answered when a required argument is absent (403 MISSING_REQUIRED_PARAMETER in v2), if any. */
  readonly missingArgumentCode?: number;
}
