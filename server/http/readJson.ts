/** Reads and validates a JSON request body, turning every way it can be wrong into a 4xx HttpError. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { fromZodError, HttpError } from './errors.ts';

export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the request body as JSON with the header Content-Type: application/json.');
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'invalid_json', `The request body is not valid JSON (${(err as Error).message}). Send a JSON object.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_json', 'The request body must be a JSON object, e.g. {"provider": "local", "kind": "text2motion", "prompt": "…"}.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
