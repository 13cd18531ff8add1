/**
 * The local engine over SayMotion's wire protocol (docs/design/api.md, "Local SayMotion-compatible
 * endpoint"), so `api_server_url = "http://127.0.0.1:8790/saymotion"` works with the official SDKs.
 * Jobs created here are ordinary studio jobs of the local provider (rid = our job id): they show up in
 * the studio, and their files are served by the studio's own file route.
 *
 * It has its own login (Basic with KINEMA_LOCAL_CLIENT_ID/SECRET → `dmsess` cookie) instead of the
 * /api guards: SDKs send no Origin and cannot carry the studio's access token.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from '../http/errors.ts';
import { storageFaultOf, storageFaultStatus } from '../files/storageFault.ts';
import type { Logger } from '../log.ts';
import { LinkSigner } from './signedLinks.ts';
import { wireAccountRoutes } from './wireAccountRoutes.ts';
import { wireCharacterRoutes } from './wireCharacterRoutes.ts';
import type { WireEndpoint, WireServices } from './wireEndpoint.ts';
import { INVALID_PARAMETER, WireError } from './wireError.ts';
import { wireJobRoutes, wireSignedFileRoute } from './wireJobRoutes.ts';
import { wirePromptRoutes } from './wirePromptRoutes.ts';

const MAX_BODY_BYTES = 256 * 1024;

export function saymotionWireRoutes(s: WireServices) {
  const app = new Hono();
  // Exposed beyond loopback, the SDK's file downloads use signed links (they carry no cookie or token).
  const w: WireEndpoint = { s, startedAt: Date.now(), signer: s.config.accessToken ? new LinkSigner(s.config.accessToken) : null };

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new WireError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
      },
    }),
  );
  // Order matters: signed links carry their own proof, so they come before the session check the account
  // routes install; everything after that needs a session.
  if (w.signer) wireSignedFileRoute(app, w, w.signer);
  wireAccountRoutes(app, w);
  wireJobRoutes(app, w);
  wireCharacterRoutes(app, w);
  wirePromptRoutes(app);

  // Mounted sub-apps do not use their own notFound; unknown paths must not fall through to the SPA.
  app.all('*', (c) => c.json(new WireError(404, `No route ${c.req.method} ${c.req.path}: see docs/contracts/saymotion.md for the protocol.`).body(), 404));
  app.onError((err, c) => wireErrorResponse(err, c, s.log));
  return app;
}

/** Every failure as SayMotion's error body, with the status (and headers) it would have had on /api. */
function wireErrorResponse(err: Error, c: Context, log: Logger): Response {
  if (err instanceof WireError) return c.json(err.body(), err.status);
  // createJob's errors (unknown parent, unsupported kind, rate limit, …) keep their status, message and headers (Retry-After).
  if (err instanceof HttpError) return c.json(new WireError(err.status, err.message, err.status === 400 ? INVALID_PARAMETER : undefined).body(), err.status, err.headers);
  const fault = storageFaultOf(err);
  if (fault) return c.json(new WireError(storageFaultStatus(fault), fault.message).body(), storageFaultStatus(fault));
  log.error('saymotion wire endpoint error', { method: c.req.method, path: c.req.path, err });
  return c.json(new WireError(500, 'The server hit an unexpected error; check the server log.').body(), 500);
}
