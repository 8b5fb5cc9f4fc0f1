import { AppError, ConflictError } from '../../domain/errors';

export class MalformedJsonError extends AppError {
  readonly code = 'malformed_json';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported_media_type';
}

/** The one place where error codes become HTTP statuses. */
const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  concurrency_conflict: 409,
  payload_too_large: 413,
  append_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  invalid_link: 400,
  link_expired: 410,
};

export function statusOf(error: unknown): number {
  if (error instanceof ConflictError) return STATUS_BY_CODE[error.code] ?? 409;
  if (error instanceof AppError) return STATUS_BY_CODE[error.code] ?? 500;
  return 500;
}
