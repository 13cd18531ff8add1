/**
 * Idempotency-Key handling: a key belongs to the client that sent it (two clients choosing the same
 * key do not see each other's jobs) and to the body it first came with (reusing a key for a different
 * request is a client bug, answered 422 rather than silently returning the first job).
 */
import crypto from 'node:crypto';
import { HttpError } from '../http/errors.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, 'validation_error', 'Idempotency-Key must be 1–128 characters of letters, digits, _ . : or -.', 'Idempotency-Key');
  }
}

/** The stored form: a short hash of the client, then the key (stays under the column's practical size). */
export function scopedIdempotencyKey(client: string, key: string): string {
  return `${crypto.createHash('sha256').update(client).digest('hex').slice(0, 16)}:${key}`;
}

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same body. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function requestBodyHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** A replay must carry the body the key was first used with (rows from before bodies were stored match any). */
export function assertSameBody(stored: string | null, presented: string, jobId: string): void {
  if (stored !== null && stored !== presented) {
    throw new HttpError(
      422,
      'idempotency_key_reused',
      `This Idempotency-Key was already used for a different request (job ${jobId}). Use a new key for a new request; resend the same body to retry.`,
      'Idempotency-Key',
    );
  }
}
