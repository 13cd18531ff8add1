/**
 * The wire endpoint's job routes: submit (`/job/v1/process`), status, download links, list and cancel, plus the
 * signed file links the download replies point at when the studio is exposed beyond loopback. Jobs created here
 * are ordinary studio jobs of the local provider (rid = our job id).
 */
import type { Context, Hono } from 'hono';
import type { BlankEnv } from 'hono/types';
import type { Job, JobStatus } from '../contract/api.ts';
import { sendFile } from '../downloads/sendFile.ts';
import { resolveStoredFile } from '../downloads/storedFile.ts';
import { clientKey } from '../http/clientKey.ts';
import { wholeNumber } from '../http/strictNumber.ts';
import { createJob } from '../jobs/createJob.ts';
import { JOB_ID_PATTERN } from '../jobs/jobStore.ts';
import type { LinkSigner } from './signedLinks.ts';
import { localCharacters, localJob, type WireEndpoint } from './wireEndpoint.ts';
import { CHARACTER_NOT_FOUND, INVALID_PARAMETER, WireError } from './wireError.ts';
import { wireLink, wireListItem, wireProcessor, WIRE_STATES, wireState, wireStatus } from './wireJobView.ts';
import { parseWireJob } from './wireParams.ts';
import { origin, readBody, ridList } from './wireRequest.ts';

/** How many recent jobs /job/v1/list looks at. */
const LIST_LIMIT = 1000;

/** `/files/:id/:variant/:format?exp=&sig=`: the SDK's file downloads, which carry no cookie or token. */
export function wireSignedFileRoute(app: Hono, w: WireEndpoint, signer: LinkSigner): void {
  app.get('/files/:id/:variant/:format', async (c) => {
    const { id, variant, format } = c.req.param();
    const verdict = signer.verify(`${id}/${variant}/${format}`, c.req.query('exp'), c.req.query('sig'));
    if (verdict !== 'ok')
      throw new WireError(403, verdict === 'expired' ? 'This download link has expired: ask /job/v1/download again for a fresh one.' : 'This download link is not valid.');
    if (!JOB_ID_PATTERN.test(id)) throw new WireError(404, 'No such file.');
    return sendFile(c, await resolveStoredFile(w.s, id, wholeNumber(variant), format));
  });
}

export function wireJobRoutes(app: Hono, w: WireEndpoint): void {
  app.post('/job/v1/process/:processor', (c) => submit(c, w));
  app.get('/job/v1/status/:rids', async (c) => {
    const jobs = (await Promise.all(ridList(c.req.param('rids')).map((rid) => localJob(w, rid)))).filter((j): j is Job => j !== null);
    const status = jobs.map((j) => wireStatus(j, origin(c)));
    return c.json({ count: status.length, status });
  });
  app.get('/job/v1/download/:rids', (c) => downloadLinks(c, w));
  const list = (c: Context) => listJobs(c, w);
  app.get('/job/v1/list', list);
  app.get('/job/v1/list/:statuses', list);
  app.get('/job/v1/list/:statuses/:processor', list);
  app.get('/job/v1/cancel/:rid', async (c) => {
    const job = await localJob(w, c.req.param('rid'));
    if (!job) throw new WireError(404, `No job with rid ${c.req.param('rid').slice(0, 60)}.`);
    const active: JobStatus[] = ['queued', 'running'];
    if (!active.includes(job.status)) return c.json({ result: false });
    await w.s.runner.cancel(job.id);
    return c.json({ result: true });
  });
  app.post('/job/v1/import/animate3d/:rid', () => {
    throw new WireError(400, 'Animate 3D import needs DeepMotion\'s service; the local engine has no video-to-motion. Use provider "saymotion" in the studio for it.');
  });
}

async function submit(c: Context<BlankEnv, '/job/v1/process/:processor'>, w: WireEndpoint): Promise<Response> {
  const body = await readBody(c);
  const request = parseWireJob(c.req.param('processor'), body.params);
  if ('characterId' in request && request.characterId !== undefined) {
    const known = await localCharacters(w);
    if (!known.some((ch) => ch.id === request.characterId)) {
      throw new WireError(400, `Unknown model "${request.characterId}": list the models with GET /saymotion/character/v1/listModels?stockModel=all.`, CHARACTER_NOT_FOUND);
    }
  }
  // Same per-client submission limit as POST /api/jobs: the SDK is just another client.
  // Real SayMotion always generates something: the sandbox must not refuse a prompt the local engine cannot read.
  const accepted = request.kind === 'text2motion' ? { ...request, acceptIdleTake: true } : request;
  const { job } = await createJob(w.s, accepted, null, clientKey(c));
  return c.json({ rid: job.id });
}

async function downloadLinks(c: Context<BlankEnv, '/job/v1/download/:rids'>, w: WireEndpoint): Promise<Response> {
  const rids = ridList(c.req.param('rids'));
  const rawVariants = (c.req.query('variant_id') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const variants = rawVariants.map(wholeNumber);
  if (variants.some((v) => !Number.isInteger(v) || v < 1)) throw new WireError(400, 'variant_id must be 1-based whole numbers, comma-separated per rid.', INVALID_PARAMETER);
  const signer = w.signer;
  const links = [];
  for (const [i, rid] of rids.entries()) {
    const job = await localJob(w, rid);
    // Each variant id belongs to the rid at the same position; one id alone applies to every rid.
    if (job) links.push(wireLink(job, variants[i] ?? (variants.length === 1 ? variants[0]! : 1), origin(c), signer ? (v, f) => signer.sign(job.id, v, f) : undefined));
  }
  return c.json({ count: links.length, links });
}

async function listJobs(c: Context, w: WireEndpoint): Promise<Response> {
  const statuses = c.req
    .param('statuses')
    ?.split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const processor = c.req.param('processor');
  const unknown = statuses?.find((x) => !WIRE_STATES.includes(x));
  if (unknown) throw new WireError(400, `Unknown status ${unknown.slice(0, 20)}: use ${WIRE_STATES.join(', ')}.`, INVALID_PARAMETER);
  if (processor !== undefined && processor !== 'text2motion' && processor !== 'render') throw new WireError(400, 'processor must be text2motion or render.', INVALID_PARAMETER);
  const items = [];
  let cursor: number | null = null;
  let seen = 0;
  do {
    const page: { items: Job[]; nextCursor: string | null } = await w.s.store.list(200, cursor);
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
}
