/**
 * `POST /api/imports?name=…&take=…` with a GLB, FBX or BVH clip as the raw body: the clip becomes a take (a
 * succeeded job of kind `import`) that every edit, render and export works on. Carries its own body limit,
 * like character uploads: clips are far larger than the JSON bodies the global /api limit is sized for.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ImportQuery, MAX_IMPORT_BYTES } from '../contract/importClip.ts';
import { fromZodError, HttpError } from '../http/errors.ts';
import { importClip } from '../jobs/importClip.ts';

/** Requests that bypass the global JSON body limit because this module limits them itself. */
export function isClipImport(method: string, path: string): boolean {
  return method === 'POST' && (path === '/api/imports' || path === '/api/imports/');
}

export function importRoutes(s: Parameters<typeof importClip>[0]) {
  return new Hono().post(
    '/imports',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', `The clip is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB; trim it or export fewer frames.`);
      },
    }),
    async (c) => {
      const query = ImportQuery.safeParse(c.req.query());
      if (!query.success) throw fromZodError(query.error, 'query');
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type.startsWith('application/json') || type.startsWith('multipart/')) {
        throw new HttpError(415, 'unsupported_media_type', 'Send the clip file itself as the request body (Content-Type: application/octet-stream), not JSON or a form.');
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new HttpError(400, 'validation_error', 'The request body is empty: send the GLB, FBX or BVH file as the body.', 'body');
      return c.json(await importClip(s, bytes, query.data.name, query.data.take), 201);
    },
  );
}
