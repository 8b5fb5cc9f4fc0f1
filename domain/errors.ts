/**
 * Typed errors with stable codes. Each code maps to one HTTP status in one place
 * (`functions/http/errors.ts`).
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: lists each wrong field. */
export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  constructor(readonly fields: FieldIssue[], message = 'The request has invalid fields.') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

/** A command that the current state forbids, with a reason a person understands. */
export class ConflictError extends AppError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** The agreement does not cover what was asked for (no active agreement, or not this channel); says how to put it right. */
export class NotEntitledError extends ConflictError {
  constructor(
    message: string,
    /** What the customer can do: renew (with the form's path), or order. */
    readonly remedy: { action: 'renew' | 'order'; hint: string },
  ) {
    super('not_entitled', message);
  }
}

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized';
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}

/** Another writer appended to the stream since it was read. */
export class ConcurrencyError extends AppError {
  readonly code = 'concurrency_conflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(
      `stream ${streamId} was expected at version ${expectedVersion} but is at ${actualVersion ?? 'an unknown version'}`,
    );
  }
}

/** The same idempotency key was used before with a different request. */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'idempotency_key_reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

/** An append that DynamoDB would refuse (too many events, items or bytes); nothing was sent. */
export class AppendTooLargeError extends AppError {
  readonly code = 'append_too_large';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large';
}

/** A signed link that was not issued by us (forged or altered). */
export class InvalidLinkError extends AppError {
  readonly code = 'invalid_link';
  constructor() {
    super('This link is not valid. Use the link from our e-mail as it is, or send the form again.');
  }
}

/** A signed link whose validity is over. */
export class LinkExpiredError extends ConflictError {
  constructor() {
    super('link_expired', 'This link has expired. Send the form again to get a new one.');
  }
}
