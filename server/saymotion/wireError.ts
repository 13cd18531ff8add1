/**
 * Errors in SayMotion's style: `{"message": "...", "code": n}`. The official SDKs show only `message`,
 * so it says what is wrong and how to fix it; `code` is a documented SayMotion error code where one fits
 * (1102 invalid input parameter, 1105 failed to load character).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class WireError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'WireError';
  }

  body(): { message: string; code?: number } {
    return { message: this.message, ...(this.code !== undefined ? { code: this.code } : {}) };
  }
}

/** Documented SayMotion code for "Invalid input parameter". */
export const INVALID_PARAMETER = 1102;
/** Documented SayMotion code for "Failed to load input character". */
export const CHARACTER_NOT_FOUND = 1105;
