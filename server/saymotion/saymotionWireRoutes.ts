/**
 * The local engine over SayMotion's wire protocol (shared/design/api.md, "Local SayMotion-compatible
 * endpoint"), so `api_server_url = "http://127.0.0.1:8790/saymotion"` works with the official SDKs.
 * Jobs created here are ordinary studio jobs of the local provider (rid = our job id): they show up in
 * the studio, and their files are served by the studio's own file route.
 *
 * It has its own login (Basic with KINEMA_LOCAL_CLIENT_ID/SECRET → `dmsess` cookie) instead of the
 * /api guards: SDKs send no Origin and cannot carry the studio's access token.
 */
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sendFile } from '../downloads/sendFile.ts';
import { resolveStoredFile } from '../downloads/storedFile.ts';
import { LinkSigner } from './signedLinks.ts';
import type { Job, JobStatus } from '../contract/api.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import { createJob } from '../jobs/createJob.ts';
import { JOB_ID_PATTERN } from '../jobs/jobStore.ts';
import { clientKey } from '../http/clientKey.ts';
import { HttpError } from '../http/errors.ts';
import { storageFaultOf, storageFaultStatus } from '../files/storageFault.ts';
import { wholeNumber } from '../http/strictNumber.ts';
import type { Services } from '../services.ts';
import { optimizePrompt } from './promptOptimizer.ts';
import { CHARACTER_NOT_FOUND, INVALID_PARAMETER, WireError } from './wireError.ts';
import { wireLink, wireListItem, wireProcessor, WIRE_STATES, wireState, wireStatus } from './wireJobView.ts';
import { decodePrompt, paramMap, parseWireJob } from './wireParams.ts';
import { LoginThrottle } from './loginThrottle.ts';
import { sessionCookieName, sessionToken, WireSessions } from './wireSessions.ts';

/** The local engine is free; SDK code that checks the balance before submitting should never stop. */
export const LOCAL_CREDITS = 1_000_000;
const MAX_BODY_BYTES = 256 * 1024;
/** Comma lists are capped so one request cannot make the server load thousands of jobs. */
const MAX_RIDS = 200;
/** How many recent jobs /job/v1/list looks at. */
const LIST_LIMIT = 1000;
const MAX_OPTIMIZATIONS = 500;

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** host[:port] or [v6]:port; anything else in a Host header is ignored rather than echoed into URLs. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Download URLs point back at the host the client used to reach us (as the SDKs fetch them directly). */
function origin(c: Context): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host');
  return host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
}

function ridList(raw: string): string[] {
  const rids = [...new Set(raw.split(',').map((r) => r.trim()).filter((r) => r !== ''))];
  if (rids.length === 0) throw new WireError(400, 'Give at least one rid.', INVALID_PARAMETER);
  if (rids.length > MAX_RIDS) throw new WireError(400, `At most ${MAX_RIDS} rids per call.`, INVALID_PARAMETER);
  return rids;
}

/** Browsers always send Sec-Fetch-Mode; the SDKs (Node, Python) never do. */
function fromBrowser(c: Context): boolean {
  return c.req.header('sec-fetch-mode') !== undefined || c.req.header('sec-fetch-site') !== undefined;
}

function requestPort(c: Context): string {
  const url = new URL(c.req.url);
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** This client's session token: the per-port cookie, or (SDKs only) the protocol's `dmsess`. */
function presentedSession(c: Context): string | undefined {
  const cookie = c.req.header('cookie');
  const browser = fromBrowser(c);
  return sessionToken(cookie, sessionCookieName(true, requestPort(c))) ?? (browser ? undefined : sessionToken(cookie));
}

async function readBody(c: Context): Promise<Record<string, unknown>> {
  // A JSON content type cannot be sent cross-site without a CORS preflight (which this server never grants).
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new WireError(415, 'Send the body as JSON with Content-Type: application/json.', INVALID_PARAMETER);
  }
  let v: unknown;
  try {
    v = JSON.parse(await c.req.text());
  } catch {
    throw new WireError(400, 'The body must be JSON, e.g. {"params": ["prompt=\\"a person waves\\""]}.', INVALID_PARAMETER);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new WireError(400, 'The body must be a JSON object.', INVALID_PARAMETER);
  return v as Record<string, unknown>;
}

export function saymotionWireRoutes(s: Services) {
  const app = new Hono();
  const sessions = new WireSessions();
  const throttle = new LoginThrottle();
  const optimizations = new Map<string, string[]>();
  const startedAt = Date.now();

  /** Jobs this endpoint exposes: the local engine's (other providers' jobs are not the local engine's to report). */
  const localJob = async (rid: string): Promise<Job | null> => {
    if (!JOB_ID_PATTERN.test(rid)) return null;
    const job = await s.store.get(rid);
    return job && job.provider === 'local' ? job : null;
  };

  const localCharacters = async () => {
    const local = s.providers.get('local');
    const stock = local ? await local.characters() : [];
    const uploaded = await characterStoreFor(s.config.dataDir).list();
    return [
      ...stock.map((ch) => ({ id: ch.id, name: ch.name, platform: 'deepmotion' as const, ctime: startedAt, modelUrl: ch.modelUrl })),
      ...uploaded.map((m) => ({ id: m.id, name: m.name, platform: 'custom' as const, ctime: Date.parse(m.createdAt), modelUrl: `/api/characters/${m.id}/model` })),
    ];
  };

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new WireError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
      },
    }),
  );

  // Exposed beyond loopback, the SDK's file downloads use signed links (they carry no cookie or token).
  const signer = s.config.accessToken ? new LinkSigner(s.config.accessToken) : null;
  if (signer) {
    app.get('/files/:id/:variant/:format', async (c) => {
      const { id, variant, format } = c.req.param();
      const verdict = signer.verify(`${id}/${variant}/${format}`, c.req.query('exp'), c.req.query('sig'));
      if (verdict !== 'ok') throw new WireError(403, verdict === 'expired' ? 'This download link has expired: ask /job/v1/download again for a fresh one.' : 'This download link is not valid.');
      if (!JOB_ID_PATTERN.test(id)) throw new WireError(404, 'No such file.');
      return sendFile(c, await resolveStoredFile(s, id, wholeNumber(variant), format));
    });
  }

  app.get('/account/v1/auth', (c) => {
    // The default local/local credentials are fine on loopback, but not on a server others can reach.
    if (s.config.accessToken && s.config.localClientSecret === 'local') {
      return c.json(new WireError(403, 'This studio is reachable beyond loopback: set KINEMA_LOCAL_CLIENT_SECRET (and KINEMA_LOCAL_CLIENT_ID) to use its SayMotion endpoint.').body(), 403);
    }
    const client = clientKey(c);
    const wait = throttle.retryAfterSec(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json(new WireError(429, `Too many failed logins from this client; try again in ${wait} s.`).body(), 429);
    }
    const header = c.req.header('authorization') ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6).trim(), 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const ok =
      colon > 0 &&
      // Both compared, always, so the response time does not say which half was wrong.
      [sameSecret(decoded.slice(0, colon), s.config.localClientId), sameSecret(decoded.slice(colon + 1), s.config.localClientSecret)].every(Boolean);
    if (!ok) {
      throttle.fail(client);
      c.header('WWW-Authenticate', 'Basic realm="Kinema local SayMotion endpoint"');
      // No hint at the values: whoever runs the server knows where they are set.
      return c.json(new WireError(401, "Invalid client credentials: use the client id and secret configured on this server (KINEMA_LOCAL_CLIENT_ID / KINEMA_LOCAL_CLIENT_SECRET).").body(), 401);
    }
    throttle.succeed(client);
    const { token, expires } = sessions.create();
    const browser = fromBrowser(c);
    const name = sessionCookieName(browser, requestPort(c));
    c.header('Set-Cookie', `${name}=${token}; Path=/saymotion; Expires=${expires.toUTCString()}; HttpOnly; SameSite=${browser ? 'Strict' : 'Lax'}`);
    return c.json({ result: true });
  });

  // Logout revokes the presented session at once; ?all=1 revokes every session (a leaked cookie or secret).
  app.on(['GET', 'POST'], '/account/v1/logout', (c) => {
    const token = presentedSession(c);
    if (!sessions.touch(token)) throw new WireError(401, 'Not logged in or the session expired.');
    const all = c.req.query('all');
    if (all !== undefined && all !== '0' && all !== '1') throw new WireError(400, 'all must be 0 or 1.', INVALID_PARAMETER);
    const revoked = all === '1' ? sessions.revokeAll() : Number(sessions.revoke(token));
    c.header('Set-Cookie', `${sessionCookieName(fromBrowser(c), requestPort(c))}=; Path=/saymotion; Max-Age=0; HttpOnly; SameSite=Strict`);
    return c.json({ result: true, revoked });
  });

  app.use('*', async (c, next) => {
    if (!sessions.touch(presentedSession(c))) {
      throw new WireError(401, 'Not logged in or the session expired: call GET /saymotion/account/v1/auth with Basic credentials first.');
    }
    await next();
  });

  app.get('/account/v1/creditBalance', (c) =>
    c.json({
      credits: LOCAL_CREDITS,
      subscription: {
        name: 'Kinema local (offline engine, free)',
        credits: LOCAL_CREDITS,
        featureLimits: { maxVariantsGeneration: 8 },
        currentPeriod: { start: startedAt, end: startedAt + 365 * 24 * 3600 * 1000 },
      },
    }),
  );

  app.post('/job/v1/process/:processor', async (c) => {
    const body = await readBody(c);
    const request = parseWireJob(c.req.param('processor'), body.params);
    if ('characterId' in request && request.characterId !== undefined) {
      const known = await localCharacters();
      if (!known.some((ch) => ch.id === request.characterId)) {
        throw new WireError(400, `Unknown model "${request.characterId}": list the models with GET /saymotion/character/v1/listModels?stockModel=all.`, CHARACTER_NOT_FOUND);
      }
    }
    // Same per-client submission limit as POST /api/jobs: the SDK is just another client.
    // Real SayMotion always generates something: the sandbox must not refuse a prompt the local engine cannot read.
    const accepted = request.kind === 'text2motion' ? { ...request, acceptIdleTake: true } : request;
    const { job } = await createJob(s, accepted, null, clientKey(c));
    return c.json({ rid: job.id });
  });

  app.get('/job/v1/status/:rids', async (c) => {
    const jobs = (await Promise.all(ridList(c.req.param('rids')).map(localJob))).filter((j): j is Job => j !== null);
    const status = jobs.map((j) => wireStatus(j, origin(c)));
    return c.json({ count: status.length, status });
  });

  app.get('/job/v1/download/:rids', async (c) => {
    const rids = ridList(c.req.param('rids'));
    const rawVariants = (c.req.query('variant_id') ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    const variants = rawVariants.map(wholeNumber);
    if (variants.some((v) => !Number.isInteger(v) || v < 1)) throw new WireError(400, 'variant_id must be 1-based whole numbers, comma-separated per rid.', INVALID_PARAMETER);
    const links = [];
    for (const [i, rid] of rids.entries()) {
      const job = await localJob(rid);
      // Each variant id belongs to the rid at the same position; one id alone applies to every rid.
      if (job) links.push(wireLink(job, variants[i] ?? (variants.length === 1 ? variants[0]! : 1), origin(c), signer ? (v, f) => signer.sign(job.id, v, f) : undefined));
    }
    return c.json({ count: links.length, links });
  });

  const list = async (c: Context) => {
    const statuses = c.req.param('statuses')?.split(',').map((x) => x.trim()).filter((x) => x !== '');
    const processor = c.req.param('processor');
    const unknown = statuses?.find((x) => !WIRE_STATES.includes(x));
    if (unknown) throw new WireError(400, `Unknown status ${unknown.slice(0, 20)}: use ${WIRE_STATES.join(', ')}.`, INVALID_PARAMETER);
    if (processor !== undefined && processor !== 'text2motion' && processor !== 'render') throw new WireError(400, 'processor must be text2motion or render.', INVALID_PARAMETER);
    const items = [];
    let cursor: number | null = null;
    let seen = 0;
    do {
      const page: { items: Job[]; nextCursor: string | null } = await s.store.list(200, cursor);
      seen += page.items.length;
      for (const job of page.items) {
        if (job.provider !== 'local') continue;
        if (statuses && !statuses.includes(wireState(job))) continue;
        if (processor && wireProcessor(job) !== processor) continue;
        items.push(wireListItem(job));
      }
      cursor = page.nextCursor === null ? null : Number(page.nextCursor);
    } while (cursor !== null && seen < LIST_LIMIT);
    return c.json({ count: items.length, list: items });
  };
  app.get('/job/v1/list', list);
  app.get('/job/v1/list/:statuses', list);
  app.get('/job/v1/list/:statuses/:processor', list);

  app.get('/job/v1/cancel/:rid', async (c) => {
    const job = await localJob(c.req.param('rid'));
    if (!job) throw new WireError(404, `No job with rid ${c.req.param('rid').slice(0, 60)}.`);
    const active: JobStatus[] = ['queued', 'running'];
    if (!active.includes(job.status)) return c.json({ result: false });
    await s.runner.cancel(job.id);
    return c.json({ result: true });
  });

  app.post('/job/v1/import/animate3d/:rid', () => {
    throw new WireError(400, 'Animate 3D import needs DeepMotion\'s service; the local engine has no video-to-motion. Use provider "saymotion" in the studio for it.');
  });

  app.get('/character/v1/listModels', async (c) => {
    const includeStock = c.req.query('stockModel') !== undefined;
    const id = c.req.query('modelId');
    const search = c.req.query('searchToken')?.toLowerCase();
    const list = (await localCharacters())
      .filter((m) => (includeStock || m.platform === 'custom') && (!id || m.id === id) && (!search || m.name.toLowerCase().includes(search)))
      .map((m) => ({ id: m.id, name: m.name, thumb: null, glb: m.modelUrl ? `${origin(c)}${m.modelUrl}` : null, rigId: 'kinema', ctime: m.ctime, mtime: m.ctime, platform: m.platform }));
    return c.json({ list });
  });

  for (const path of ['/character/v1/getModelUploadUrl', '/character/v1/storeModel', '/character/v1/deleteModel/:id']) {
    app.on(['GET', 'POST', 'DELETE'], path, () => {
      throw new WireError(400, 'Custom characters of the local engine are managed in the studio (POST /api/characters), not through this endpoint.');
    });
  }

  app.post('/prompt/v1/optimize', async (c) => {
    const map = paramMap((await readBody(c)).params);
    const raw = map.get('prompt');
    if (raw === undefined || decodePrompt(raw).trim() === '') throw new WireError(400, 'prompt is required, e.g. prompt="walk forward then wave".', INVALID_PARAMETER);
    const split = map.get('breakIntoActionablePrompts')?.trim();
    if (split !== undefined && split !== '0' && split !== '1') throw new WireError(400, 'breakIntoActionablePrompts must be 0 or 1.', INVALID_PARAMETER);
    const rid = `opt_${crypto.randomBytes(12).toString('hex')}`;
    optimizations.set(rid, optimizePrompt(decodePrompt(raw).slice(0, 2000), split === '1'));
    // Results are only needed until the client polls them once or twice.
    while (optimizations.size > MAX_OPTIMIZATIONS) optimizations.delete(optimizations.keys().next().value as string);
    return c.json({ rid });
  });

  app.get('/prompt/v1/status/:rids', (c) => {
    const status = ridList(c.req.param('rids')).flatMap((rid) => {
      const out = optimizations.get(rid);
      return out ? [{ rid, status: 'SUCCESS', details: { out: JSON.stringify(out) } }] : [];
    });
    return c.json({ count: status.length, status });
  });

  // Mounted sub-apps do not use their own notFound; unknown paths must not fall through to the SPA.
  app.all('*', (c) => c.json(new WireError(404, `No route ${c.req.method} ${c.req.path}: see shared/contracts/saymotion.md for the protocol.`).body(), 404));

  app.onError((err, c) => {
    if (err instanceof WireError) return c.json(err.body(), err.status);
    // createJob's errors (unknown parent, unsupported kind, rate limit, …) keep their status, message and headers (Retry-After).
    if (err instanceof HttpError) return c.json(new WireError(err.status, err.message, err.status === 400 ? INVALID_PARAMETER : undefined).body(), err.status, err.headers);
    const fault = storageFaultOf(err);
    if (fault) return c.json(new WireError(storageFaultStatus(fault), fault.message).body(), storageFaultStatus(fault));
    s.log.error('saymotion wire endpoint error', { method: c.req.method, path: c.req.path, err });
    return c.json(new WireError(500, 'The server hit an unexpected error; check the server log.').body(), 500);
  });

  return app;
}
