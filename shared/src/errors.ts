/** Error codes the platform uses across HTTP, sockets and jobs, each with its HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A file whose bytes are not what its name and type say. */
  file_type_mismatch: 415,
  unprocessable_file: 422,
  docx_invalid: 422,
  docx_zip_bomb: 422,
  zip_path_escape: 422,
  pdf_encrypted: 422,
  /** A one-time code that does not match, or has expired. */
  otp_invalid: 400,
  /** Too many wrong codes: the offer is locked for that signer. */
  locked: 423,
  /** Past its expiry date (an offer). */
  expired: 410,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export interface TErrorBody {
  code: TErrorCode;
  message: string;
  details?: unknown;
}

/** The one error type domain code throws; transports map it to a status or an ack. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details: unknown;
  /** Seconds a client should wait before retrying (rate limits). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: TErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): TErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('not_found', `${what} not found`);
  }

  static unauthenticated(): AppError {
    return new AppError('unauthenticated', 'Please log in first');
  }

  static forbidden(message = 'You do not have permission for this action'): AppError {
    return new AppError('forbidden', message);
  }

  static conflict(message: string): AppError {
    return new AppError('conflict', message);
  }
}
