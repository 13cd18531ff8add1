/**
 * Character uploads: `POST /api/characters?name=…` with the raw model file as the body,
 * `GET /api/characters/:id/model` and `DELETE /api/characters/:id`. Uploads carry their own body
 * limit (models are far larger than the JSON bodies the global /api limit is sized for).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CHARACTER_ID, characterStoreFor, type CharacterMeta } from '../characters/characterStore.ts';
import { inspectModelInWorker } from '../characters/inspectModelInWorker.ts';
import { toCharacter } from '../characters/toCharacter.ts';
import { HttpError } from '../http/errors.ts';
import { clientKey } from '../http/clientKey.ts';
import { RateLimiter } from '../http/rateLimiter.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { slug } from '../files/slug.ts';

export const MAX_CHARACTER_BYTES = 50 * 1024 * 1024;
const MAX_CHARACTER_NAME = 80;

/** Requests that bypass the global JSON body limit because this module limits them itself. */
export function isCharacterUpload(method: string, path: string): boolean {
  return method === 'POST' && (path === '/api/characters' || path === '/api/characters/');
}

const ACCEPTED_TYPES = new Set([
  'model/gltf-binary',
  'application/octet-stream',
  'model/vrm',
  'application/vrm',
  'model/fbx',
  'model/x-fbx',
  'application/fbx',
  'application/x-fbx',
  'application/vnd.autodesk.fbx',
]);

const MODEL_TYPES: Record<CharacterMeta['format'], string> = {
  glb: 'model/gltf-binary',
  vrm: 'model/gltf-binary',
  fbx: 'application/octet-stream',
};

/** The name is only a display label, but labels end up in file names and UIs: keep them plain. */
function checkName(raw: string | undefined): string {
  if (raw === undefined) throw new HttpError(400, 'validation_error', 'name is required: add ?name=<a label for the character> to the upload URL.', 'name');
  const name = raw.trim();
  if (name === '') throw new HttpError(400, 'validation_error', 'name must not be empty: give the character a label, e.g. ?name=Hero.', 'name');
  if (name.length > MAX_CHARACTER_NAME) throw new HttpError(400, 'validation_error', `name is too long: keep it under ${MAX_CHARACTER_NAME} characters.`, 'name');
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || /^\.+$/.test(name)) {
    throw new HttpError(400, 'validation_error', 'name is a label, not a path: it must not contain / or \\, control characters, or be only dots.', 'name');
  }
  return name;
}

function checkContentType(header: string | undefined): void {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Content-Type is required: send the raw file with Content-Type: model/gltf-binary (GLB/VRM) or application/octet-stream (FBX).',
      'Content-Type',
    );
  }
  if (type.startsWith('multipart/')) {
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type: send the raw model file as the request body, not a multipart form.', 'Content-Type');
  }
  if (!ACCEPTED_TYPES.has(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Content-Type "${type.slice(0, 60)}" is not a model type: use model/gltf-binary (GLB/VRM) or application/octet-stream (FBX).`,
      'Content-Type',
    );
  }
}

function requireCharacterId(id: string): string {
  if (!CHARACTER_ID.test(id)) throw new HttpError(404, 'not_found', `No character "${id.slice(0, 64)}": uploaded character ids look like chr_… (see GET /api/characters).`, 'id');
  return id;
}

export function characterUploadRoutes(s: { readonly config: Config; readonly log: Logger }) {
  const store = characterStoreFor(s.config.dataDir);
  // All uploads together stay under a quota (507 past it); each client is rate-limited, since every
  // upload is a worker parse and a file on disk.
  const quota = s.config.characterQuotaBytes;
  const uploads = new RateLimiter(s.config.uploadRate.perMinute, s.config.uploadRate.burst);
  return new Hono()
    .post(
      '/characters',
      bodyLimit({
        maxSize: MAX_CHARACTER_BYTES,
        onError: () => {
          throw new HttpError(
            413,
            'payload_too_large',
            `body: the character file is larger than ${MAX_CHARACTER_BYTES / 1024 / 1024} MiB; reduce its polygon count or texture sizes.`,
            'body',
          );
        },
      }),
      async (c) => {
        const name = checkName(c.req.query('name'));
        checkContentType(c.req.header('content-type'));
        const rate = uploads.take(clientKey(c));
        if (!rate.allowed)
          throw new HttpError(429, 'rate_limited', `Too many uploads from this client; try again in ${rate.retryAfterSec} s.`, undefined, {
            'Retry-After': String(rate.retryAfterSec),
          });
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const used = (await store.list()).reduce((n, m) => n + m.bytes, 0);
        if (used + bytes.byteLength > quota) {
          throw new HttpError(
            507,
            'quota_exceeded',
            `body: uploaded characters would use more than the ${(quota / 1048576).toFixed(0)} MiB allowed; delete characters you no longer use (DELETE /api/characters/:id).`,
            'body',
          );
        }
        // Parsed in a worker with hard limits: a hostile file is refused without stalling the API.
        const sniff = await inspectModelInWorker(bytes);
        if (!sniff.ok && sniff.busy) throw new HttpError(429, 'rate_limited', `body: ${sniff.reason}.`, 'body', { 'Retry-After': '5' });
        if (!sniff.ok) throw new HttpError(400, 'unsupported_model', `body: ${sniff.reason}. Upload a GLB, VRM or FBX character.`, 'body');
        const meta = await store.add(name, sniff.format, bytes);
        s.log.info('character uploaded', { id: meta.id, format: meta.format, bytes: meta.bytes });
        return c.json({ ...toCharacter(meta, 'local'), format: meta.format, bytes: meta.bytes }, 201);
      },
    )
    .get('/characters/:id/model', async (c) => {
      const id = requireCharacterId(c.req.param('id'));
      const found = await store.read(id);
      if (!found) throw new HttpError(404, 'not_found', `No character ${id} (or its file is damaged): upload it again.`, 'id');
      const ext = found.meta.format;
      return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': MODEL_TYPES[ext],
        'Content-Length': String(found.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${slug(found.meta.name)}.${ext}"`,
        'Cache-Control': 'private, max-age=31536000, immutable',
      });
    })
    .delete('/characters/:id', async (c) => {
      const id = requireCharacterId(c.req.param('id'));
      if (!(await store.remove(id))) throw new HttpError(404, 'not_found', `No character ${id}: see GET /api/characters for the uploaded ones.`, 'id');
      return c.body(null, 204);
    });
}
