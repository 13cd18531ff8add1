/**
 * A contract-test double of the SayMotion REST API (shared/contracts/saymotion.md), written from the
 * documented protocol: Basic-auth login issuing an expiring `dmsess` cookie, process/status (comma lists)
 * /download/list/cancel, credit balance, characters (signed upload URLs, resumable uploads, store, delete),
 * Animate 3D import and prompt optimisation. Jobs advance one step each time their status is reported:
 * STARTING → PROGRESS in the queue → PROGRESS step/total → SUCCESS (or FAILURE with a documented code).
 *
 * Faults can be injected per endpoint (429 with Retry-After, 5xx, hang, connection reset, malformed JSON,
 * 401, 404), optionally AFTER a POST was accepted, which is the case that must never lead to a resubmission.
 * Every request is logged so tests can count them.
 *
 * Use it in-process through `fetch` (a fetch-compatible function that calls `app.fetch`) or on a real
 * port with `listen()`.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { engineClip, fixtureBvh, fixtureDmpe, fixtureFbxZip, fixtureMp4 } from './contractFixtures.ts';
import { BACKDROPS, checkEditRequest, EDIT_KEYS, jsonParam, numberParam, ParamError, paramMap, quotedPrompt, RENDER_KEYS, T2M_KEYS } from './contractParams.ts';

export type Endpoint =
  | 'auth'
  | 'credits'
  | 'process'
  | 'status'
  | 'download'
  | 'list'
  | 'cancel'
  | 'import'
  | 'listModels'
  | 'uploadUrl'
  | 'storeModel'
  | 'deleteModel'
  | 'optimize'
  | 'promptStatus'
  | 'file'
  | 'upload'
  | 'unknown';

type FaultKind = '401' | '404' | '429' | '500' | '502' | '503' | 'hang' | 'reset' | 'malformed';

export interface Fault {
  endpoint: Endpoint;
  kind: FaultKind;
  /** How many requests it applies to (default 1). */
  times?: number;
  retryAfterSec?: number;
  /** For POSTs that create something: do the work first, then fail the reply. */
  afterAccept?: boolean;
}

export interface LogEntry {
  method: string;
  path: string;
  endpoint: Endpoint;
  status: number;
  fault: FaultKind | null;
  /** The rids of a status/download/cancel call. */
  rids: string[];
  /** A POST that created a job, model or optimisation. */
  accepted: boolean;
  authorization: boolean;
  cookie: boolean;
  at: number;
}

export interface JobPlan {
  /** Documented error code to fail with. */
  failWith: number;
  /** The status observation at which it fails (default 2). */
  atTick?: number;
}

type ContractState = 'STARTING' | 'PROGRESS' | 'SUCCESS' | 'FAILURE';

export interface ContractJob {
  rid: string;
  processor: 'text2motion' | 'render';
  params: string[];
  fields: Map<string, string>;
  variants: number;
  model: string | null;
  parentRid: string | null;
  durationSec: number;
  observations: number;
  state: ContractState;
  canceled: boolean;
  plan: JobPlan | null;
  ctime: number;
  mtime: number;
}

export interface ContractOptions {
  clientId: string;
  clientSecret: string;
  sessionTtlMs?: number;
  /** Status observations spent in each phase. */
  ticks?: { starting?: number; queued?: number; progress?: number };
  /** The last PROGRESS reports step = total + 1, as the vendor's own client code guards against. */
  overshootStep?: boolean;
  credits?: number;
  maxVariants?: number;
  /** listModels reply as {"list": [...]} (current docs) or a bare array (older docs). */
  listModelsShape?: 'object' | 'array';
  optimizeTicks?: number;
  hangMs?: number;
  /** Put the presented credentials into error bodies and FAILURE messages, to prove the adapter scrubs them. */
  echoCredentialsInErrors?: boolean;
  /** The FBX zip also carries a texture (so the adapter must keep the archive). */
  fbxZipWithExtras?: boolean;
  /** What a status call naming an unknown rid gets: the rid is left out (default) or the whole call is a 404. */
  unknownRidStatus?: 'omit' | '404';
}

interface Model {
  id: string;
  name: string;
  platform: 'deepmotion' | 'custom';
  ctime: number;
}

interface Optimization {
  rid: string;
  prompt: string;
  split: boolean;
  observations: number;
}

const STOCK_MODELS: readonly Model[] = [
  { id: 'dm_stock_male_01', name: 'Stock Male', platform: 'deepmotion', ctime: 1_700_000_000_000 },
  { id: 'dm_stock_female_01', name: 'Stock Female', platform: 'deepmotion', ctime: 1_700_000_000_000 },
];

const STATES = ['STARTING', 'PROGRESS', 'RETRY', 'SUCCESS', 'FAILURE'];

const ERROR_TEXT: Record<number, string> = {
  101: 'Not enough credit',
  494: 'Invalid pipeline Input',
  498: 'Unknown pipeline error',
  501: 'Error while generating motion',
  502: 'Error parsing motion generation parameters',
  599: 'Motion generation timeout',
  605: 'Physics Filter is incompatible with used custom character',
  901: 'Error loading the mesh of the custom character',
  902: 'Error loading the BVH custom character',
  903: 'Error copying animations onto the custom character',
  904: 'Error exporting animations for the custom character',
  905: "Custom character doesn't include skinned mesh information",
  906: 'More than half of the required blendshapes are missing',
  907: 'Error loading facial definition for the custom character',
  908: 'Error loading facial tracking data',
  909: 'Error loading the metadata of the custom character',
  999: 'Animation baking timeout',
  1101: 'Process stuck',
  1102: 'Invalid input parameter',
  1105: 'Failed to load input character',
  1106: 'Failed to attach animation to character',
  1107: 'Failed to configure backdrop',
};
export const DOCUMENTED_ERROR_CODES = Object.keys(ERROR_TEXT).map(Number);

type Env = { Bindings: Partial<HttpBindings>; Variables: { entry: LogEntry } };

function hex(bytes: number): string {
  return crypto.randomBytes(bytes).toString('hex');
}

export class SayMotionContractServer {
  readonly app = new Hono<Env>();
  readonly log: LogEntry[] = [];
  readonly jobs = new Map<string, ContractJob>();
  readonly models: Model[] = [...STOCK_MODELS];
  readonly uploads = new Map<string, Uint8Array>();
  /** Every dmsess value handed out, so tests can check none leaks. */
  readonly sessionsIssued: string[] = [];
  credits: number;
  private readonly opts: Required<Omit<ContractOptions, 'ticks'>> & { ticks: Required<NonNullable<ContractOptions['ticks']>> };
  private readonly sessions = new Map<string, number>();
  private readonly faults: Array<Fault & { left: number }> = [];
  private readonly plans: JobPlan[] = [];
  private readonly optimizations = new Map<string, Optimization>();
  private readonly resumable = new Map<string, string>();
  private readonly hangs = new Set<() => void>();
  private server: ServerType | null = null;

  constructor(options: ContractOptions) {
    this.opts = {
      sessionTtlMs: 10 * 60_000,
      overshootStep: true,
      credits: 5000,
      maxVariants: 8,
      listModelsShape: 'object',
      optimizeTicks: 1,
      hangMs: 30_000,
      echoCredentialsInErrors: false,
      fbxZipWithExtras: false,
      unknownRidStatus: 'omit',
      ...options,
      ticks: { starting: 1, queued: 1, progress: 3, ...options.ticks },
    };
    this.credits = this.opts.credits;
    this.routes();
  }

  // ---- test controls -------------------------------------------------------------------------

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The next `count` created jobs fail with this documented code. */
  failNextJobs(code: number, opts: { count?: number; atTick?: number } = {}): void {
    for (let i = 0; i < (opts.count ?? 1); i++) this.plans.push({ failWith: code, atTick: opts.atTick ?? 2 });
  }

  /** Every issued session stops working, as when the cookie's time limit passes. */
  expireSessions(): void {
    this.sessions.clear();
  }

  count(endpoint: Endpoint, filter: { method?: string; faulted?: boolean; accepted?: boolean } = {}): number {
    return this.entries(endpoint, filter).length;
  }

  entries(endpoint: Endpoint, filter: { method?: string; faulted?: boolean; accepted?: boolean } = {}): LogEntry[] {
    return this.log.filter(
      (e) =>
        e.endpoint === endpoint &&
        (filter.method === undefined || e.method === filter.method) &&
        (filter.faulted === undefined || (e.fault !== null) === filter.faulted) &&
        (filter.accepted === undefined || e.accepted === filter.accepted),
    );
  }

  /** The bytes the storage route serves for a file, for comparing with what landed in a cache. */
  async fileBytes(rid: string, variant: number, ext: string): Promise<Uint8Array> {
    const job = this.jobs.get(rid);
    if (!job) throw new Error(`no contract job ${rid}`);
    const label = `${rid} variant ${variant}`;
    switch (ext) {
      case 'glb':
        return (await engineClip(job.durationSec || 3, variant)).glb;
      case 'bvh':
        return (await engineClip(job.durationSec || 3, variant)).bvh;
      case 'fbx':
        return fixtureFbxZip('motion', label, this.opts.fbxZipWithExtras);
      case 'mp4':
        return fixtureMp4(label);
      case 'dmpe':
        return fixtureDmpe(label);
      case 'inter':
        return fixtureBvh(2, 99);
      default:
        throw new Error(`no fixture for .${ext}`);
    }
  }

  /** fetch() that calls the app in-process; a `reset` fault surfaces as the network error Node's fetch throws. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input as RequestInfo | URL, init);
    const signal = init?.signal ?? null;
    const pending = Promise.resolve(this.app.fetch(request, {}));
    const res = await (signal
      ? new Promise<Response>((resolve, reject) => {
          if (signal.aborted) return reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          pending.then(resolve, reject);
        })
      : pending);
    if (res.headers.get('x-contract-reset')) {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'ECONNRESET' }) });
    }
    return res;
  };

  async listen(): Promise<string> {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: this.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const release of this.hangs) release();
    this.hangs.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- protocol --------------------------------------------------------------------------------

  private routes(): void {
    const app = this.app;
    app.use('*', async (c, next) => {
      const entry: LogEntry = {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        endpoint: 'unknown',
        status: 0,
        fault: null,
        rids: [],
        accepted: false,
        authorization: c.req.header('authorization') !== undefined,
        cookie: c.req.header('cookie') !== undefined,
        at: Date.now(),
      };
      this.log.push(entry);
      c.set('entry', entry);
      await next();
      entry.status = c.res.status;
    });

    app.get('/account/v1/auth', async (c) => {
      const f = this.begin(c, 'auth');
      if (f) return this.faultReply(c, f);
      const header = c.req.header('authorization') ?? '';
      const presented = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
      if (presented !== `${this.opts.clientId}:${this.opts.clientSecret}`) {
        return c.json({ message: this.opts.echoCredentialsInErrors ? `Invalid client credentials ${presented}` : 'Invalid client credentials' }, 401);
      }
      // Shaped like the documented cookie: URL-encoded "s:" prefix, id and signature.
      const token = `s%3A${crypto.randomBytes(18).toString('base64url')}.${crypto.randomBytes(24).toString('base64url')}`;
      const expires = Date.now() + this.opts.sessionTtlMs;
      this.sessions.set(token, expires);
      this.sessionsIssued.push(token);
      c.header('Set-Cookie', `dmsess=${token}; Path=/; Expires=${new Date(expires).toUTCString()}; HttpOnly`);
      return c.json({});
    });

    app.get('/account/v1/creditBalance', (c) =>
      this.authed(c, 'credits', () =>
        c.json({
          credits: this.credits,
          subscription: {
            name: 'Contract test plan',
            credits: this.opts.credits,
            featureLimits: { maxVariantsGeneration: this.opts.maxVariants },
            currentPeriod: { start: 1_700_000_000_000, end: 1_900_000_000_000 },
          },
        }),
      ),
    );

    app.post('/job/v1/process/:processor', (c) =>
      this.authed(c, 'process', async () => {
        const processor = c.req.param('processor');
        if (processor !== 'text2motion' && processor !== 'render') return c.json({ message: `unknown processor ${processor}` }, 404);
        let body: { params?: unknown };
        try {
          body = (await c.req.json()) as { params?: unknown };
        } catch {
          return c.json({ message: 'body must be JSON' }, 400);
        }
        let job: ContractJob;
        try {
          job = this.createJob(processor, body.params);
        } catch (err) {
          if (err instanceof ParamError) return c.json({ message: err.message, code: err.code }, 400);
          throw err;
        }
        return this.accepted(c, 'process', () => c.json({ rid: job.rid }));
      }),
    );

    app.get('/job/v1/status/:rids', (c) =>
      this.authed(c, 'status', () => {
        const rids = this.ridList(c);
        const unknown = rids.filter((rid) => !this.jobs.has(rid));
        if (unknown.length > 0 && this.opts.unknownRidStatus === '404') return c.json({ message: `unknown rid ${unknown[0]}` }, 404);
        const status = rids.flatMap((rid) => {
          const job = this.jobs.get(rid);
          return job ? [this.observe(job)] : [];
        });
        return c.json({ count: status.length, status });
      }),
    );

    app.get('/job/v1/download/:rids', (c) =>
      this.authed(c, 'download', () => {
        const rids = this.ridList(c);
        const vids = (c.req.query('variant_id') ?? '')
          .split(',')
          .filter((v) => v !== '')
          .map(Number);
        const origin = new URL(c.req.url).origin;
        const links = rids.flatMap((rid, i) => {
          const job = this.jobs.get(rid);
          if (!job) return [];
          if (job.state !== 'SUCCESS') return [{ rid }];
          const variant = vids[i] ?? 1;
          const ok = job.processor === 'render' || (Number.isInteger(variant) && variant >= 1 && variant <= job.variants);
          const file = (name: string, ext: string) => ({ [ext]: `${origin}/storage/${rid}/${variant}/${name}.${ext}?X-Goog-Signature=${hex(8)}` });
          const urls =
            job.processor === 'render'
              ? [{ name: 'render', files: [file('render', 'mp4')] }]
              : [
                  // An intermediate group the adapter must skip; its file must never be fetched.
                  { name: 'inter_motion', files: [file('inter', 'bvh')] },
                  { name: 'motion', files: [file('motion', 'bvh'), file('motion', 'fbx'), file('motion', 'glb'), file('motion', 'dmpe')] },
                ];
          return [{ rid, parameters: job.params, ...(job.processor === 'text2motion' ? { renderJobList: [] } : {}), variantDownloadStatus: ok, urls: ok ? urls : [] }];
        });
        return c.json({ count: links.length, links });
      }),
    );

    app.get('/storage/:rid/:variant/:file', async (c) => {
      const f = this.begin(c, 'file');
      if (f) return this.faultReply(c, f);
      const rid = c.req.param('rid');
      const variant = Number(c.req.param('variant'));
      const [name, ext] = c.req.param('file').split('.');
      if (!this.jobs.has(rid) || !ext) return c.json({ message: 'no such object' }, 404);
      const bytes = await this.fileBytes(rid, variant, name === 'inter' ? 'inter' : ext);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream' });
    });

    const list = (c: Context<Env>) =>
      this.authed(c, 'list', () => {
        const statuses = c.req.param('statuses')?.split(',');
        const processor = c.req.param('processor');
        if (statuses?.some((s) => !STATES.includes(s))) return c.json({ message: `unknown status in ${statuses.join(',')}` }, 400);
        const items = [...this.jobs.values()]
          .filter((j) => (!statuses || statuses.includes(j.state)) && (!processor || j.processor === processor))
          .map((j) => ({
            rid: j.rid,
            processingInfo: { queued: 0 },
            processor: j.processor,
            parameters: j.params,
            ...(j.processor === 'text2motion'
              ? { variants: Object.fromEntries(Array.from({ length: j.variants }, (_, i) => [String(i + 1), { download: j.state === 'SUCCESS' }])) }
              : {}),
            chargedAmount: j.state === 'SUCCESS' ? j.variants : 0,
            status: j.state,
            ctime: j.ctime,
            mtime: j.mtime,
          }));
        return c.json({ count: items.length, list: items });
      });
    app.get('/job/v1/list', list);
    app.get('/job/v1/list/:statuses', list);
    app.get('/job/v1/list/:statuses/:processor', list);

    app.get('/job/v1/cancel/:rid', (c) =>
      this.authed(c, 'cancel', () => {
        const rid = c.req.param('rid');
        c.get('entry').rids = [rid];
        const job = this.jobs.get(rid);
        if (!job) return c.json({ message: `unknown rid ${rid}` }, 404);
        if (job.state === 'SUCCESS' || job.state === 'FAILURE') return c.json({ result: false });
        job.canceled = true;
        job.state = 'FAILURE';
        job.mtime = Date.now();
        return c.json({ result: true });
      }),
    );

    app.post('/job/v1/import/animate3d/:rid', (c) =>
      this.authed(c, 'import', async () => {
        const body = (await c.req.json().catch(() => null)) as { model?: unknown; params?: unknown } | null;
        if (!body || typeof body.model !== 'string' || !Array.isArray(body.params)) return c.json({ message: 'body needs model and params', code: 1102 }, 400);
        if (!this.models.some((m) => m.id === body.model)) return c.json({ message: 'unknown model', code: 1105 }, 400);
        const job = this.newJob('text2motion', body.params as string[], new Map(), 1, body.model, null, 0);
        return this.accepted(c, 'import', () => c.json({ rid: job.rid }));
      }),
    );

    app.get('/character/v1/listModels', (c) =>
      this.authed(c, 'listModels', () => {
        const includeStock = c.req.query('stockModel') !== undefined;
        const id = c.req.query('modelId');
        const search = c.req.query('searchToken')?.toLowerCase();
        const list = this.models
          .filter((m) => (includeStock || m.platform === 'custom') && (!id || m.id === id) && (!search || m.name.toLowerCase().includes(search)))
          .map((m) => ({
            id: m.id,
            name: m.name,
            thumb: `https://storage.example/thumbs/${m.id}.png`,
            glb: `https://storage.example/models/${m.id}.glb`,
            rigId: 'humanoid',
            ctime: m.ctime,
            mtime: m.ctime,
            platform: m.platform,
          }));
        return this.opts.listModelsShape === 'array' ? c.json(list) : c.json({ list });
      }),
    );

    app.get('/character/v1/getModelUploadUrl', (c) =>
      this.authed(c, 'uploadUrl', () => {
        const ext = c.req.query('modelExt') ?? 'fbx';
        if (!['fbx', 'glb', 'gltf', 'vrm'].includes(ext)) return c.json({ message: 'modelExt must be fbx, glb, gltf or vrm' }, 400);
        const name = (c.req.query('name') ?? 'model').replace(/[^A-Za-z0-9_-]/g, '_');
        const origin = new URL(c.req.url).origin;
        const resumable = c.req.query('resumable') !== '0';
        const mark = resumable ? 'r' : 'd';
        return c.json({
          modelUrl: `${origin}/upload/${mark}${hex(8)}/${name}.${ext}`,
          thumbUrl: `${origin}/upload/${mark}${hex(8)}/${name}.${c.req.query('thumbExt') ?? 'png'}`,
        });
      }),
    );

    // Signed storage URLs: no session needed. "d…" objects take one PUT, "r…" objects need a resumable session first.
    app.put('/upload/:token/:file', async (c) => {
      const f = this.begin(c, 'upload');
      if (f) return this.faultReply(c, f);
      if (c.req.param('token').startsWith('r')) return c.json({ message: 'resumable object: start a session first' }, 400);
      this.uploads.set(new URL(c.req.url).pathname, new Uint8Array(await c.req.arrayBuffer()));
      return c.body(null, 200);
    });
    app.post('/upload/:token/:file', async (c) => {
      const f = this.begin(c, 'upload');
      if (f) return this.faultReply(c, f);
      if (c.req.header('x-goog-resumable') !== 'start') return c.json({ message: 'x-goog-resumable: start required' }, 400);
      const session = hex(8);
      this.resumable.set(session, new URL(c.req.url).pathname);
      c.header('Location', `${new URL(c.req.url).origin}/upload-session/${session}`);
      return c.body(null, 201);
    });
    app.put('/upload-session/:session', async (c) => {
      const f = this.begin(c, 'upload');
      if (f) return this.faultReply(c, f);
      const target = this.resumable.get(c.req.param('session'));
      if (!target) return c.json({ message: 'unknown upload session' }, 404);
      this.uploads.set(target, new Uint8Array(await c.req.arrayBuffer()));
      return c.body(null, 200);
    });

    app.post('/character/v1/storeModel', (c) =>
      this.authed(c, 'storeModel', async () => {
        const body = (await c.req.json().catch(() => null)) as { modelUrl?: unknown; modelName?: unknown } | null;
        if (!body || typeof body.modelUrl !== 'string') return c.json({ message: 'modelUrl is required' }, 400);
        const uploaded = this.uploads.get(new URL(body.modelUrl).pathname);
        if (!uploaded || uploaded.byteLength === 0) return c.json({ message: 'nothing was uploaded to modelUrl', code: 901 }, 400);
        const model: Model = { id: `cm_${hex(6)}`, name: typeof body.modelName === 'string' ? body.modelName : 'Custom', platform: 'custom', ctime: Date.now() };
        this.models.push(model);
        return this.accepted(c, 'storeModel', () => c.json({ modelId: model.id, faceDataType: 0, handDataType: 0 }));
      }),
    );

    app.delete('/character/v1/deleteModel/:id', (c) =>
      this.authed(c, 'deleteModel', () => {
        const i = this.models.findIndex((m) => m.id === c.req.param('id') && m.platform === 'custom');
        if (i >= 0) this.models.splice(i, 1);
        return c.json({ count: i >= 0 ? 1 : 0 });
      }),
    );

    app.post('/prompt/v1/optimize', (c) =>
      this.authed(c, 'optimize', async () => {
        const body = (await c.req.json().catch(() => null)) as { params?: unknown } | null;
        let prompt: string;
        let split: boolean;
        try {
          const map = paramMap(body?.params);
          prompt = quotedPrompt(map.get('prompt'));
          split = map.get('breakIntoActionablePrompts') === '1';
        } catch (err) {
          if (err instanceof ParamError) return c.json({ message: err.message, code: err.code }, 400);
          throw err;
        }
        const rid = `po_${hex(12)}`;
        this.optimizations.set(rid, { rid, prompt, split, observations: 0 });
        return this.accepted(c, 'optimize', () => c.json({ rid }));
      }),
    );

    app.get('/prompt/v1/status/:rids', (c) =>
      this.authed(c, 'promptStatus', () => {
        const status = this.ridList(c).flatMap((rid): Array<Record<string, unknown>> => {
          const o = this.optimizations.get(rid);
          if (!o) return [];
          o.observations++;
          if (o.observations <= this.opts.optimizeTicks)
            return [{ rid, status: 'PROGRESS', details: { step: o.observations, total: this.opts.optimizeTicks + 1 }, positionInQueue: 0 }];
          const parts = o.split ? o.prompt.split(/\s*(?:,|\bthen\b)\s*/i).filter((p) => p !== '') : [o.prompt];
          return [{ rid, status: 'SUCCESS', details: { out: JSON.stringify(parts.map((p) => `A person ${p.replace(/^(a person|someone)\s+/i, '')}`)) } }];
        });
        return c.json({ count: status.length, status });
      }),
    );

    app.all('*', (c) => c.json({ message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Labels the log entry and returns a fault to apply before doing anything, if one is armed. */
  private begin(c: Context<Env>, endpoint: Endpoint): Fault | null {
    c.get('entry').endpoint = endpoint;
    const rids = c.req.param('rids') ?? c.req.param('rid');
    if (rids) c.get('entry').rids = rids.split(',').filter((r) => r !== '');
    return this.takeFault(endpoint, false);
  }

  private takeFault(endpoint: Endpoint, afterAccept: boolean): Fault | null {
    const f = this.faults.find((x) => x.endpoint === endpoint && x.left > 0 && (x.afterAccept ?? false) === afterAccept);
    if (!f) return null;
    f.left--;
    return f;
  }

  private async authed(c: Context<Env>, endpoint: Endpoint, handle: () => Response | Promise<Response>): Promise<Response> {
    const f = this.begin(c, endpoint);
    if (f) return this.faultReply(c, f);
    const cookie = c.req.header('cookie') ?? '';
    const token = /(?:^|;\s*)dmsess=([^;]*)/.exec(cookie)?.[1];
    const expires = token ? this.sessions.get(token) : undefined;
    if (expires === undefined || expires < Date.now()) {
      if (token) this.sessions.delete(token);
      return c.json({ message: 'Unauthorized: session missing or expired' }, 401);
    }
    return handle();
  }

  /** Marks the request as having created something, then applies an after-accept fault if armed. */
  private async accepted(c: Context<Env>, endpoint: Endpoint, reply: () => Response): Promise<Response> {
    c.get('entry').accepted = true;
    const f = this.takeFault(endpoint, true);
    return f ? this.faultReply(c, f) : reply();
  }

  private async faultReply(c: Context<Env>, f: Fault): Promise<Response> {
    c.get('entry').fault = f.kind;
    switch (f.kind) {
      case '429':
        return c.json({ message: 'Too Many Requests' }, 429, { 'Retry-After': String(f.retryAfterSec ?? 1) });
      case '401':
        return c.json({ message: 'Unauthorized' }, 401);
      case '404':
        return c.json({ message: 'Not Found' }, 404);
      case '500':
      case '502':
      case '503':
        return c.json(
          { message: this.opts.echoCredentialsInErrors ? `upstream failure for ${this.opts.clientId}:${this.opts.clientSecret}` : 'Internal Server Error' },
          Number(f.kind) as 500 | 502 | 503,
        );
      case 'malformed':
        return c.body('{"count": 1, "status": [{"rid": ', 200, { 'content-type': 'application/json' });
      case 'hang':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.opts.hangMs);
          this.hangs.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        return c.json({ message: 'too late' }, 504);
      case 'reset': {
        // On a real port, drop the TCP connection; in-process, the fetch shim turns the marker into a network error.
        c.env?.incoming?.socket.destroy();
        return new Response(null, { status: 500, headers: { 'x-contract-reset': '1' } });
      }
    }
  }

  private ridList(c: Context<Env>): string[] {
    const rids = c.req
      .param('rids')!
      .split(',')
      .filter((r) => r !== '');
    c.get('entry').rids = rids;
    return rids;
  }

  private newJob(
    processor: 'text2motion' | 'render',
    params: string[],
    fields: Map<string, string>,
    variants: number,
    model: string | null,
    parentRid: string | null,
    durationSec: number,
  ): ContractJob {
    const now = Date.now();
    const job: ContractJob = {
      rid: hex(16),
      processor,
      params: [...params],
      fields,
      variants,
      model,
      parentRid,
      durationSec,
      observations: 0,
      state: 'STARTING',
      canceled: false,
      plan: this.plans.shift() ?? null,
      ctime: now,
      mtime: now,
    };
    this.jobs.set(job.rid, job);
    return job;
  }

  private createJob(processor: 'text2motion' | 'render', rawParams: unknown): ContractJob {
    const map = paramMap(rawParams);
    const params = rawParams as string[];
    if (processor === 'render') {
      for (const k of map.keys()) if (!RENDER_KEYS.includes(k)) throw new ParamError(`unknown render param ${k}`, 1102);
      const parent = this.parentOf(map);
      const bg = map.get('bgColor');
      if (bg !== undefined && !/^(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})$/.test(bg)) throw new ParamError('bgColor must be R,G,B,A', 1102);
      if (bg?.split(',').some((v) => Number(v) > 255)) throw new ParamError('bgColor channels are 0-255', 1102);
      const backdrop = map.get('backdrop');
      if (backdrop !== undefined && !BACKDROPS.includes(backdrop)) throw new ParamError(`unknown backdrop ${backdrop}`, 1107);
      numberParam(map, 'shadow', 0, 1, true);
      if (map.get('shadow') === '1' && backdrop !== undefined && backdrop !== 'studio') throw new ParamError('shadow is not available with 2D backdrops', 1102);
      numberParam(map, 'camMode', 0, 2, true);
      numberParam(map, 'camHorizontalAngle', -90, 90);
      return this.newJob('render', params, map, 1, parent.model, parent.rid, parent.durationSec);
    }

    const edits = EDIT_KEYS.filter((k) => map.has(k));
    const allowed = new Set<string>([...T2M_KEYS, 't2m_rid', 'variant_id', ...EDIT_KEYS]);
    for (const k of map.keys()) if (!allowed.has(k)) throw new ParamError(`unknown text2motion param ${k}`, 1102);
    const model = map.get('model') ?? null;
    if (model !== null && !this.models.some((m) => m.id === model)) throw new ParamError(`Failed to load input character ${model}`, 1105);
    const duration = numberParam(map, 'requestedAnimationDuration', 0, 600) ?? 0;
    if (map.has('dis') && map.get('dis') !== 's') throw new ParamError('dis must be s', 1102);
    const foot = map.get('footLockingMode');
    if (foot !== undefined && !['auto', 'always', 'never', 'grounding'].includes(foot)) throw new ParamError('footLockingMode must be auto, always, never or grounding', 502);
    numberParam(map, 'poseFilteringStrength', 0, 1);
    const numVariant = numberParam(map, 'numVariant', 1, this.opts.maxVariants, true);

    if (!map.has('t2m_rid')) {
      if (edits.length > 0) throw new ParamError('edit requests need t2m_rid', 1102);
      quotedPrompt(map.get('prompt'));
      return this.newJob('text2motion', params, map, numVariant ?? 1, model, null, duration);
    }
    const parent = this.parentOf(map);
    if (edits.length !== 1) throw new ParamError('an edit job carries exactly one of inPaintingRequest, mergingRequest, loopRequest, refineRequest, rerunRequest', 1102);
    if (map.has('prompt')) throw new ParamError('edit prompts go inside the edit request', 1102);
    const kind = edits[0]!;
    if (numVariant !== undefined && kind === 'rerunRequest') throw new ParamError('numVariant is not applicable to rerun', 1102);
    checkEditRequest(kind, jsonParam(map, kind), { rid: parent.rid, variant: parent.variant });
    const variants = kind === 'refineRequest' ? (numVariant ?? 1) : 1;
    return this.newJob('text2motion', params, map, variants, model ?? parent.model, parent.rid, duration || parent.durationSec);
  }

  private parentOf(map: Map<string, string>): { rid: string; variant: number; model: string | null; durationSec: number } {
    const rid = map.get('t2m_rid');
    if (!rid) throw new ParamError('t2m_rid is required', 1102);
    const parent = this.jobs.get(rid);
    if (!parent || parent.processor !== 'text2motion') throw new ParamError(`unknown t2m_rid ${rid}`, 1102);
    if (parent.state !== 'SUCCESS') throw new ParamError(`job ${rid} has not finished`, 1102);
    const variant = numberParam(map, 'variant_id', 1, parent.variants, true);
    if (variant === undefined) throw new ParamError('variant_id is required', 1102);
    return { rid, variant, model: parent.model, durationSec: parent.durationSec };
  }

  /** Reports a job's status and moves it one step on. */
  private observe(job: ContractJob): Record<string, unknown> {
    if (job.state === 'SUCCESS') return { rid: job.rid, status: 'SUCCESS', details: { in: job.params[0] ?? '', out: `${job.variants} variant(s)` } };
    if (job.state === 'FAILURE') return { rid: job.rid, status: 'FAILURE', details: this.failureDetails(job) };
    job.observations++;
    job.mtime = Date.now();
    const k = job.observations;
    if (job.plan && k >= (job.plan.atTick ?? 2)) {
      job.state = 'FAILURE';
      return { rid: job.rid, status: 'FAILURE', details: this.failureDetails(job) };
    }
    const { starting, queued, progress } = this.opts.ticks;
    if (k <= starting) return { rid: job.rid, status: 'STARTING', details: {}, positionInQueue: 0 };
    if (k <= starting + queued) return { rid: job.rid, status: 'PROGRESS', details: { step: 0, total: progress }, positionInQueue: starting + queued - k + 1 };
    if (k <= starting + queued + progress) {
      job.state = 'PROGRESS';
      const step = k - starting - queued;
      return { rid: job.rid, status: 'PROGRESS', details: { step: this.opts.overshootStep && step === progress ? progress + 1 : step, total: progress }, positionInQueue: 0 };
    }
    job.state = 'SUCCESS';
    return { rid: job.rid, status: 'SUCCESS', details: { in: job.params[0] ?? '', out: `${job.variants} variant(s)` } };
  }

  private failureDetails(job: ContractJob): Record<string, unknown> {
    if (job.canceled) return { exc_type: 'JobCanceled', exc_message: 'The job was canceled by the user' };
    const code = job.plan?.failWith ?? 498;
    const echo = this.opts.echoCredentialsInErrors ? ` (account ${this.opts.clientId}, key ${this.opts.clientSecret})` : '';
    return { exc_type: 'PipelineError', exc_message: `Error code ${code}: ${ERROR_TEXT[code] ?? 'unknown'}${echo}` };
  }
}
