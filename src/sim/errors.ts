/**
 * Errors shaped like OfficeExtension.Error, which is what real Excel throws
 * from `context.sync()`. The adapter maps them by `code`, so the codes are
 * Excel's own strings, not ours.
 */
export type SimErrorCode =
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "FormulaLengthExceedsLimit"
  | "ApiNotFound"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "RunMustReturnPromise"
  | "NotImplemented"
  | "GeneralException";

export class SimRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: SimErrorCode;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function simError(code: SimErrorCode, message: string, errorLocation?: string): SimRichApiError {
  return new SimRichApiError(code, message, errorLocation);
}

export function propertyNotLoaded(property: string, entity: string): SimRichApiError {
  // Excel's own wording, so that log lines from tests read like the real thing.
  return simError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function accessDenied(location: string): SimRichApiError {
  return simError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
    location,
  );
}

export function apiNotFound(api: string, set: string): SimRichApiError {
  return simError("ApiNotFound", `The requested API ${api} is not supported by this Excel (needs ExcelApi ${set}).`, api);
}

export function invalidArgument(message: string, location?: string): SimRichApiError {
  return simError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${message}`, location);
}

export function itemNotFound(what: string, location?: string): SimRichApiError {
  return simError("ItemNotFound", `The requested resource doesn't exist. ${what}`, location);
}
