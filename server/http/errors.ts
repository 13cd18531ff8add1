/**
 * The API's error shape: {"error": {"code", "message", "field"?}}. User mistakes are 4xx with a
 * message that says how to fix them; only genuine server faults are 5xx.
 */
import type { z } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): { error: { code: string; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** `intervals[0].end` style path for the first issue, so the UI can put the message next to its field. */
function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

export function fromZodError(error: z.ZodError, what = 'request body'): HttpError {
  const issue = error.issues[0];
  if (!issue) return new HttpError(400, 'validation_error', `The ${what} is invalid.`);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = issuePath([...issue.path, key]);
    return new HttpError(400, 'unknown_field', `Unknown field "${field}" in the ${what}: check its spelling against /api/openapi.json.`, field);
  }
  const field = issuePath(issue.path);
  const message = field && !issue.message.startsWith(field.split(/[.[]/)[0]!) ? `${field}: ${issue.message}` : issue.message;
  return new HttpError(400, 'validation_error', message, field || undefined);
}
