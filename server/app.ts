/**
 * Composes the HTTP app: guards, the /api routes, the SPA and the error mapping.
 * `createApp` does no I/O of its own, so tests drive it with `app.request()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { HttpError } from './http/errors.ts';
import { storageFaultOf, storageFaultStatus } from './files/storageFault.ts';
import { rejectCrossSite, requireAccessToken, TOKEN_COOKIE } from './http/guards.ts';
import { requireKnownHost } from './http/hostAllowlist.ts';
import { characterUploadRoutes, isCharacterUpload } from './routes/characterUploads.ts';
import { characterRoutes } from './routes/characters.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { eventRoutes } from './routes/events.ts';
import { fileRoutes } from './routes/files.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { jobLibraryRoutes } from './routes/jobLibrary.ts';
import { importRoutes, isClipImport } from './routes/imports.ts';
import { libraryRoutes } from './routes/library.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { providerRoutes } from './routes/providers.ts';
import { promptOptimizeRoutes } from './routes/promptOptimize.ts';
import { promptParseRoutes } from './routes/promptParse.ts';
import { saymotionWireRoutes } from './saymotion/saymotionWireRoutes.ts';
import type { Services } from './services.ts';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

const DEFAULT_DIST_DIR = path.resolve(fileURLToPath(new URL('../dist', import.meta.url)));

export function createApp(s: Services, opts: { distDir?: string } = {}) {
  const app = new Hono();
  const distDir = opts.distDir ?? DEFAULT_DIST_DIR;

  // First of all: a request naming a foreign Host (DNS rebinding) reaches no route, /saymotion included.
  app.use('*', requireKnownHost({ allowed: s.config.allowedHosts, bind: s.config.host, tokenRequired: Boolean(s.config.accessToken) }));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'blob:', 'data:'],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  const token = s.config.accessToken;
  if (token) {
    // Visiting the studio once with ?token=… stores the token in an HttpOnly cookie for API and SSE calls.
    app.use('*', async (c, next) => {
      const q = c.req.query('token');
      if (q && !c.req.path.startsWith('/api/') && !c.req.path.startsWith('/saymotion')) {
        setCookie(c, TOKEN_COOKIE, q, { httpOnly: true, sameSite: 'Strict', path: '/' });
        // Drop the token from the address bar (and from history and bookmarks) once it is in the cookie.
        const clean = new URL(c.req.url);
        clean.searchParams.delete('token');
        return c.redirect(clean.pathname + clean.search, 302);
      }
      await next();
    });
    app.use('/api/*', requireAccessToken(token));
  }
  app.use('/api/*', rejectCrossSite());
  app.use('/saymotion/*', rejectCrossSite());
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB.`);
    },
  });
  // Character uploads and clip imports are model files; their routes apply their own, larger limits.
  app.use('/api/*', (c, next) => (isCharacterUpload(c.req.method, c.req.path) || isClipImport(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));

  const api = new Hono();
  for (const routes of [
    healthRoutes,
    openApiRoutes,
    providerRoutes,
    characterRoutes,
    characterUploadRoutes,
    libraryRoutes,
    jobRoutes,
    jobLibraryRoutes,
    importRoutes,
    eventRoutes,
    fileRoutes,
    downloadRoutes,
    promptOptimizeRoutes,
    promptParseRoutes,
  ]) {
    api.route('/', routes(s));
  }
  app.route('/api', api);
  // Mounted sub-apps do not use their own notFound; unknown API paths must not fall through to the SPA.
  app.all('/api/*', (c) => c.json(new HttpError(404, 'not_found', `No route ${c.req.method} ${c.req.path}. The API is described at /api/openapi.json.`).body(), 404));

  app.route('/saymotion', saymotionWireRoutes(s));

  if (fs.existsSync(distDir)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite fingerprints these file names, so they can be cached forever.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: path.relative(process.cwd(), distDir) || '.' }));
    const indexHtml = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('*', (c) => c.text('The studio UI is not built yet: run `npm start` (it builds the UI), or `npx vite build` and restart. The API is at /api.', 503));
  }

  app.notFound((c) => c.json(new HttpError(404, 'not_found', `No route ${c.req.method} ${c.req.path}.`).body(), 404));

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(err.body(), err.status, err.headers);
    const fault = storageFaultOf(err);
    if (fault) {
      s.log.warn('write refused by storage', { method: c.req.method, path: c.req.path, reason: fault.kind });
      return c.json(new HttpError(storageFaultStatus(fault), fault.kind === 'disk_full' ? 'storage_full' : 'storage_read_only', fault.message).body(), storageFaultStatus(fault));
    }
    s.log.error('unhandled error', { method: c.req.method, path: c.req.path, err });
    return c.json(new HttpError(500, 'internal_error', 'The server hit an unexpected error. Try again; if it keeps happening, check the server log.').body(), 500);
  });

  return app;
}
