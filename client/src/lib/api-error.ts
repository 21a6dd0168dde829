import { ZErrorEnvelopeSchema } from '@yunpin/shared';

/** Codes the client adds on top of the server's: no response at all, or a response without an error body. */
export type TClientErrorCode = 'network_error' | 'unexpected_response';

/** Every failed API call rejects with this, carrying the server's error code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds to wait before retrying, from the Retry-After header (rate limits). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, options: { details?: unknown; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds the ApiError for a non-2xx response from its `{ error: { code, message, details } }` body. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const body: unknown = await response.json().catch(() => null);
  const envelope = ZErrorEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    return new ApiError(response.status, 'unexpected_response', response.statusText || `HTTP ${response.status}`, { retryAfterSeconds });
  }
  const { code, message, details } = envelope.data.error;
  return new ApiError(response.status, code, message, { details, retryAfterSeconds });
}
