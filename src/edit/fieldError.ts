/**
 * Routes a server validation error to the form control it is about. The API names the field as a JSON path
 * (`intervals[0].end`, `reps`); its first segment is the control.
 */
import { isApiRequestError } from '../api/client.ts';

export interface FieldError {
  /** The message when the error names `field`, else null. */
  for(field: string): string | null;
  /** The error names no control of this form (show it by the submit button). */
  general: string | null;
}

export function fieldErrorOf(err: unknown, knownFields: readonly string[]): FieldError {
  if (!err) return { for: () => null, general: null };
  const message = err instanceof Error ? err.message : String(err);
  const path = isApiRequestError(err) ? err.field : undefined;
  const head = path ? (path.split(/[.[]/)[0] ?? null) : null;
  const claimed = head !== null && knownFields.includes(head);
  return {
    for: (field) => (claimed && head === field ? message : null),
    general: claimed ? null : message,
  };
}
