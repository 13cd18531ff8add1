/**
 * A Meshy API contract server for tests (shared/contracts/meshy.md): create / get / list / delete /
 * stream for rigging, animations and text-to-motion, balance, the animation library (authenticated
 * and public) and signed result URLs on a separate asset path that refuses an Authorization header
 * and expired signatures. Tasks move PENDING → IN_PROGRESS → SUCCEEDED on a clock; SSE streams send
 * progress, keep-alive comments and a final full task object, mixing LF/CRLF line endings and
 * multi-line data fields as WHATWG SSE allows.
 *
 * Faults are queued with `fault()`: HTTP errors (402, 403, 404, 422, 429 with Retry-After, 5xx),
 * "created but the answer was lost" (500, dropped connection or no answer after creating), stream
 * drops, silent streams, `event: error` after HTTP 200, failed tasks, and expired URLs. Every request
 * lands in `log`, so tests can count paid POSTs and check what was sent where.
 *
 * Use in-process (`server.fetch`, no port) or on a real port (`await server.listen()`, or a fixed
 * `listen(port)` when another process must find it, as the e2e launcher test/contract/serve.ts does).
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bvhAsset, fbxAsset, fbxMotionAsset, glbAsset, glbClipsAsset, usdzAsset } from './meshyAssets.ts';
import { CONTRACT_LIBRARY } from './meshyLibrary.ts';

export type Resource = 'rigging' | 'animations' | 'text-to-motion';
const RESOURCES: Resource[] = ['rigging', 'animations', 'text-to-motion'];
const TASK_TYPE: Record<Resource, string> = { rigging: 'rig', animations: 'animate', 'text-to-motion': 'text-to-motion' };

export type Fault =
  /** Answer a create with this status (nothing is created). */
  | { on: 'create'; resource?: Resource; status: number; message?: string; retryAfterSec?: number; times?: number }
  /** Create the task (and charge for it), then lose the answer: a 500, a dropped connection, or no answer. */
  | { on: 'create'; resource?: Resource; lose: 'status500' | 'drop' | 'hang'; times?: number }
  /** Plain HTTP failure of a free route. */
  | { on: 'get' | 'list' | 'delete' | 'balance' | 'library' | 'download'; resource?: Resource; status: number; message?: string; retryAfterSec?: number; times?: number }
  /** Stream faults: close after N progress events, stay silent, or send `event: error` after 200. */
  | { on: 'stream'; resource?: Resource; dropAfterEvents: number; times?: number }
  | { on: 'stream'; resource?: Resource; silent: true; times?: number }
  | { on: 'stream'; resource?: Resource; errorEvent: { status_code: number; message: string }; times?: number }
  | { on: 'stream'; resource?: Resource; status: number; times?: number }
  /** The next created task of this resource ends FAILED with this task_error. */
  | { on: 'task'; resource?: Resource; fail: { message: string; type?: string; code?: string }; times?: number };

/** The faults that can fire on `T` (a fault may list several routes in `on`). */
type FaultOn<T extends Fault['on']> = Fault extends infer F ? (F extends { on: infer O } ? (T extends O ? F : never) : never) : never;

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  host: string;
  authorization: string | null;
  status: number;
  at: number;
  /** For creates: the task that was made (also when its answer was lost), else null. */
  createdTaskId: string | null;
}

export interface MeshyServerOptions {
  apiKey?: string;
  /** How long a task stays PENDING, then IN_PROGRESS, in ms. */
  pendingMs?: number;
  runMs?: number;
  /** SSE: interval between progress events, and between `: keep-alive` comments. */
  sseTickMs?: number;
  keepAliveMs?: number;
  /** expires_at − finished_at; Meshy documents 3 days. */
  retentionMs?: number;
  createStatus?: 200 | 202;
  balance?: number;
  /** Answer 404 on /openapi/v1/animations/library (an older API), so clients fall back to the public catalog. */
  libraryMissing?: boolean;
  /** Retry-After (seconds) on task GETs, as a newer docs page shows. */
  pollRetryAfterSec?: number;
}

interface Task {
  id: string;
  resource: Resource;
  input: Record<string, unknown>;
  createdAt: number;
  /** Real time of creation; the task timeline runs in real time, its timestamps on the server clock. */
  createdReal: number;
  /** Null while held (stays PENDING until released). */
  startedAt: number | null;
  pendingMs: number;
  runMs: number;
  fail: { message: string; type?: string; code?: string } | null;
  credits: number;
  deleted: boolean;
  outputs: Record<string, string> | null;
}

type Bindings = { incoming?: IncomingMessage; outgoing?: ServerResponse; transport?: { action: 'drop' | 'hang' | null } };

/** Like a real fetch, aborting the request errors a body that is still being read. */
function tieToSignal(res: Response, signal: AbortSignal): Response {
  if (!res.body) return res;
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const onAbort = () => {
        controller.error(signal.reason);
        void reader.cancel().catch(() => undefined);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        controller.error(err);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

const COST = { rig: 5, animatePerAction: 3, prime: 10, swift: 3 };

export class MeshyContractServer {
  readonly log: LoggedRequest[] = [];
  readonly app: Hono<{ Bindings: Bindings }>;
  readonly apiKey: string;
  balance: number;
  /** When true, new tasks stay PENDING until `release()`. */
  holdNew = false;
  private readonly opts: Required<Omit<MeshyServerOptions, 'apiKey' | 'balance' | 'pollRetryAfterSec'>> & { pollRetryAfterSec: number | null };
  private readonly tasks = new Map<string, Task>();
  /** Result files by task/file. Made in the background, so a create answers at once (as Meshy does) even when a file is slow to make. */
  private readonly assets = new Map<string, Promise<Uint8Array>>();
  private readonly faults: Fault[] = [];
  private readonly secret = crypto.randomBytes(16);
  private clockOffset = 0;
  private server: ServerType | null = null;
  private origin = 'http://api.meshy.test';
  private assetOrigin = 'http://assets.meshy.test';

  constructor(options: MeshyServerOptions = {}) {
    this.apiKey = options.apiKey ?? 'msy_test_key_123';
    this.balance = options.balance ?? 1000;
    this.opts = {
      pendingMs: options.pendingMs ?? 40,
      runMs: options.runMs ?? 160,
      sseTickMs: options.sseTickMs ?? 20,
      keepAliveMs: options.keepAliveMs ?? 30,
      retentionMs: options.retentionMs ?? 259_200_000,
      createStatus: options.createStatus ?? 202,
      libraryMissing: options.libraryMissing ?? false,
      pollRetryAfterSec: options.pollRetryAfterSec ?? null,
    };
    this.app = this.build();
  }

  /** Base URL to configure as MESHY_API_BASE. */
  /** The separate host signed result URLs point at, for the adapter's asset-host allow-list. */
  get assetHosts(): string[] {
    return [new URL(this.assetOrigin).host];
  }

  get baseUrl(): string {
    return this.origin;
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  /** Moves the server's clock (task timelines are real time; expiry and created_at use this clock). */
  advanceClock(ms: number): void {
    this.clockOffset += ms;
  }

  fault(f: Fault): void {
    this.faults.push({ times: 1, ...f } as Fault);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Lets held tasks (holdNew) start running now. */
  release(id?: string): void {
    for (const t of this.tasks.values()) if (t.startedAt === null && (!id || t.id === id)) t.startedAt = Date.now();
  }

  /** Paid POSTs that reached the server (attempts), optionally for one resource. */
  posts(resource?: Resource): LoggedRequest[] {
    return this.log.filter((r) => r.method === 'POST' && (!resource || r.path === `/openapi/v1/${resource}`));
  }

  /** Tasks actually created (billed), optionally for one resource. */
  createdTasks(resource?: Resource): string[] {
    return this.log.filter((r) => r.createdTaskId && (!resource || r.path === `/openapi/v1/${resource}`)).map((r) => r.createdTaskId!);
  }

  taskObject(id: string): Record<string, unknown> | null {
    const t = this.tasks.get(id);
    return t && !t.deleted ? this.view(t) : null;
  }

  /** Adds an already-succeeded task (e.g. a text-to-3D model to rig with input_task_id, or an old rig). */
  seedTask(resource: Resource | 'text-to-3d', id: string, ageMs = 0): void {
    const r = (resource === 'text-to-3d' ? 'rigging' : resource) as Resource;
    const created = this.now() - ageMs - 1000;
    this.tasks.set(id, {
      id,
      resource: r,
      input: { seeded: resource },
      createdAt: created,
      createdReal: Date.now() - ageMs - 1000,
      startedAt: Date.now() - ageMs - 1000,
      pendingMs: 0,
      runMs: 0,
      fail: null,
      credits: 0,
      deleted: false,
      outputs: null,
    });
  }

  /** In-process transport: routes every URL (API and asset host) to the app, with transport faults. */
  readonly fetch: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const transport: Bindings['transport'] = { action: null };
    const res = await this.app.fetch(req, { transport });
    if (transport.action === 'drop') {
      await res.body?.cancel();
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    }
    if (transport.action === 'hang') {
      await res.body?.cancel();
      await new Promise<never>((_, reject) => {
        const signal = req.signal;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    return tieToSignal(res, req.signal);
  };

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve) => {
      this.server = serve({ fetch: this.app.fetch, hostname: '127.0.0.1', port }, () => resolve());
    });
    const bound = (this.server!.address() as AddressInfo).port;
    this.origin = `http://127.0.0.1:${bound}`;
    this.assetOrigin = this.origin;
    return this.origin;
  }

  async close(): Promise<void> {
    const s = this.server as (ServerType & { closeAllConnections?: () => void }) | null;
    if (!s) return;
    s.closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
    this.server = null;
  }

  // ---------------------------------------------------------------------------------------------

  private takeFault<T extends Fault['on']>(on: T, resource: Resource | null): FaultOn<T> | null {
    const i = this.faults.findIndex((f) => f.on === on && (!('resource' in f) || !f.resource || f.resource === resource));
    if (i < 0) return null;
    const f = this.faults[i]! as FaultOn<T> & { times?: number };
    if (f.times !== undefined && --f.times <= 0) this.faults.splice(i, 1);
    return f;
  }

  private error(c: Context, status: number, message: string, retryAfterSec?: number): Response {
    if (retryAfterSec !== undefined) c.header('Retry-After', String(retryAfterSec));
    return c.json({ message }, status as 400);
  }

  private status(t: Task): { status: string; progress: number; startedAt: number; finishedAt: number } {
    if (t.startedAt === null) return { status: 'PENDING', progress: 0, startedAt: 0, finishedAt: 0 };
    const elapsed = Date.now() - t.startedAt;
    const at = (ms: number) => t.createdAt + (t.startedAt! - t.createdReal) + ms;
    if (elapsed < t.pendingMs) return { status: 'PENDING', progress: 0, startedAt: 0, finishedAt: 0 };
    if (elapsed < t.pendingMs + t.runMs) {
      return { status: 'IN_PROGRESS', progress: Math.min(99, Math.floor((100 * (elapsed - t.pendingMs)) / Math.max(1, t.runMs))), startedAt: at(t.pendingMs), finishedAt: 0 };
    }
    return { status: t.fail ? 'FAILED' : 'SUCCEEDED', progress: t.fail ? 0 : 100, startedAt: at(t.pendingMs), finishedAt: at(t.pendingMs + t.runMs) };
  }

  private view(t: Task): Record<string, unknown> {
    const s = this.status(t);
    const finished = s.status === 'SUCCEEDED' || s.status === 'FAILED';
    const base: Record<string, unknown> = {
      id: t.id,
      type: TASK_TYPE[t.resource],
      status: s.status,
      progress: s.progress,
      created_at: t.createdAt,
      started_at: s.startedAt,
      finished_at: s.finishedAt,
      expires_at: finished ? s.finishedAt + this.opts.retentionMs : 0,
      preceding_tasks: s.status === 'PENDING' ? 1 : 0,
      consumed_credits: s.status === 'FAILED' ? 0 : t.credits,
      task_error: t.fail ? { message: t.fail.message, ...(t.fail.type ? { type: t.fail.type } : {}), ...(t.fail.code ? { code: t.fail.code } : {}) } : { message: '' },
    };
    if (s.status === 'SUCCEEDED') base.result = this.result(t, s.finishedAt + this.opts.retentionMs);
    return base;
  }

  private signed(t: Task, file: string, expiresAt: number): string {
    const path = `/assets/user_1/tasks/${t.id}/output/${file}`;
    const expires = Math.floor(expiresAt / 1000);
    const sig = crypto.createHmac('sha256', this.secret).update(`${path}:${expires}`).digest('hex').slice(0, 32);
    return `${this.assetOrigin}${path}?Expires=${expires}&Signature=${sig}`;
  }

  private result(t: Task, expiresAt: number): Record<string, unknown> {
    const o = t.outputs ?? {};
    const url = (key: string) => (o[key] ? this.signed(t, o[key]!, expiresAt) : undefined);
    if (t.resource === 'rigging') {
      return {
        rigged_character_fbx_url: url('fbx'),
        rigged_character_glb_url: url('glb'),
        basic_animations: {
          walking_glb_url: url('walkGlb'),
          walking_fbx_url: url('walkFbx'),
          walking_armature_glb_url: url('walkArmature'),
          running_glb_url: url('runGlb'),
          running_fbx_url: url('runFbx'),
          running_armature_glb_url: url('runArmature'),
        },
      };
    }
    if (t.resource === 'animations') {
      const r: Record<string, unknown> = { animation_glb_url: url('glb'), animation_fbx_url: url('fbx') };
      if (o.usdz) r.processed_usdz_url = url('usdz');
      if (o.armature) r.processed_armature_fbx_url = url('armature');
      if (o.fps) r.processed_animation_fps_fbx_url = url('fps');
      return r;
    }
    const mode = t.input.mode === 'swift' ? 'swift' : 'prime';
    return { motion_url: url('motion'), motion_format: mode === 'prime' ? 'fbx' : 'bvh', duration_ms: Number(t.input.duration) * 1000, mode };
  }

  private async makeOutputs(t: Task): Promise<void> {
    const put = async (file: string, bytes: Uint8Array | Promise<Uint8Array>) => {
      const made = Promise.resolve(bytes);
      // A failure surfaces when the file is downloaded, not as an unhandled rejection.
      made.catch(() => undefined);
      this.assets.set(`${t.id}/${file}`, made);
      return file;
    };
    const o: Record<string, string> = {};
    if (t.resource === 'rigging') {
      o.glb = await put('Character_output.glb', glbAsset(null, null, `rig ${t.id}`));
      o.fbx = await put('Character_output.fbx', fbxAsset(`rig ${t.id}`));
      // Meshy's free clips: walking 32 frames and running 20 frames at 30 fps.
      o.walkGlb = await put('Animation_Walking_withSkin.glb', glbAsset('Walking', 31 / 30, `walk ${t.id}`));
      o.walkFbx = await put('Animation_Walking_withSkin.fbx', fbxAsset(`walk ${t.id}`));
      o.walkArmature = await put('Animation_Walking_withSkin_armature.glb', glbAsset('Walking', 31 / 30, `walk armature ${t.id}`));
      o.runGlb = await put('Animation_Running_withSkin.glb', glbAsset('Running', 19 / 30, `run ${t.id}`));
      o.runFbx = await put('Animation_Running_withSkin.fbx', fbxAsset(`run ${t.id}`));
      o.runArmature = await put('Animation_Running_withSkin_armature.glb', glbAsset('Running', 19 / 30, `run armature ${t.id}`));
    } else if (t.resource === 'animations') {
      const ids = (t.input.action_ids as number[] | undefined) ?? (t.input.action_id !== undefined ? [t.input.action_id as number] : []);
      const keyOf = (id: number) => CONTRACT_LIBRARY.find((e) => e.action_id === id)?.key ?? 'Clip';
      const name = t.input.motion_task_id ? 'Motion' : ids.length > 1 ? 'merged_animations' : `Animation_${keyOf(ids[0]!)}_withSkin`;
      // A merged file holds one clip per action, named by the library key, in action_ids order (meshy.md §3.2).
      const clips = t.input.motion_task_id
        ? [{ name: 'Motion', durationSec: Number(this.tasks.get(String(t.input.motion_task_id))?.input.duration ?? 4) }]
        : ids.map((id) => ({ name: keyOf(id), durationSec: 2 }));
      o.glb = await put(`${name}.glb`, glbClipsAsset(clips, `animation ${t.id}`));
      o.fbx = await put(`${name}.fbx`, fbxAsset(`animation ${t.id}`));
      const pp = t.input.post_process as { operation_type?: string; fps?: number } | undefined;
      if (pp?.operation_type === 'fbx2usdz') o.usdz = await put('processed.usdz', usdzAsset(`animation ${t.id}`));
      if (pp?.operation_type === 'extract_armature') o.armature = await put('processed_armature.fbx', fbxAsset(`armature ${t.id}`));
      if (pp?.operation_type === 'change_fps') o.fps = await put(`processed_${pp.fps ?? 30}fps.fbx`, fbxAsset(`fps ${t.id}`));
    } else {
      const seconds = Number(t.input.duration);
      o.motion = t.input.mode === 'swift' ? await put('motion.bvh', bvhAsset(seconds)) : await put('motion.fbx', fbxMotionAsset(String(t.input.prompt), seconds));
    }
    t.outputs = o;
  }

  private validate(resource: Resource, body: Record<string, unknown>): { error: string; status?: number } | { cost: number } {
    if (resource === 'rigging') {
      const src = body.input_task_id ?? body.model_url;
      if (src === undefined) return { error: 'Either input_task_id or model_url is required.' };
      if (body.height_meters !== undefined && !(typeof body.height_meters === 'number' && body.height_meters > 0)) return { error: 'height_meters must be a positive number.' };
      if (body.input_task_id !== undefined) {
        const t = this.tasks.get(String(body.input_task_id));
        if (!t || t.deleted) return { error: 'Invalid input_task_id.' };
      } else {
        const url = String(body.model_url);
        const m = /^data:(model\/gltf-binary|application\/octet-stream);base64,(.*)$/s.exec(url);
        if (m) {
          const bytes = Buffer.from(m[2]!, 'base64');
          if (bytes.subarray(0, 4).toString('latin1') !== 'glTF') return { error: 'Invalid model file extension: the data URI is not a GLB.' };
        } else if (!/^https:\/\/.+\.glb(\?.*)?$/.test(url)) {
          return { error: `Invalid model file extension: ${url.slice(0, 40)}` };
        }
      }
      return { cost: COST.rig };
    }
    if (resource === 'animations') {
      const rig = this.tasks.get(String(body.rig_task_id ?? ''));
      if (body.rig_task_id === undefined) return { error: 'rig_task_id is required.' };
      if (!rig || rig.deleted) return { error: 'Task not found', status: 404 };
      if (this.status(rig).status !== 'SUCCEEDED') return { error: 'The rig task has not succeeded.' };
      const sources = ['action_id', 'action_ids', 'motion_task_id'].filter((k) => body[k] !== undefined);
      if (sources.length !== 1) return { error: 'Exactly one of action_id, action_ids or motion_task_id is required.' };
      let count = 1;
      if (body.action_ids !== undefined || body.action_id !== undefined) {
        const ids = body.action_ids !== undefined ? body.action_ids : [body.action_id];
        if (!Array.isArray(ids) || ids.length < 1 || ids.length > 10 || new Set(ids).size !== ids.length) return { error: 'action_ids must hold 1 to 10 unique ids.' };
        if (ids.some((id) => !CONTRACT_LIBRARY.some((e) => e.action_id === id))) {
          return { error: 'Invalid action_id. See https://docs.meshy.ai/en/api/animation-library for available animation IDs.' };
        }
        count = ids.length;
      } else {
        const motion = this.tasks.get(String(body.motion_task_id));
        if (!motion || motion.deleted || motion.resource !== 'text-to-motion') return { error: 'Task not found', status: 404 };
        if (this.status(motion).status !== 'SUCCEEDED') return { error: 'The motion task has not succeeded.' };
      }
      const pp = body.post_process as { operation_type?: unknown; fps?: unknown } | undefined;
      if (pp !== undefined) {
        if (!['change_fps', 'fbx2usdz', 'extract_armature'].includes(String(pp.operation_type))) return { error: 'Invalid post_process.operation_type.' };
        if (pp.fps !== undefined && (pp.operation_type !== 'change_fps' || ![24, 25, 30, 60].includes(Number(pp.fps)))) return { error: 'Invalid post_process.fps.' };
      }
      return { cost: COST.animatePerAction * count };
    }
    const prompt = body.prompt;
    if (typeof prompt !== 'string' || prompt.trim() === '' || prompt.length > 400) return { error: 'prompt is required and must be at most 400 characters.' };
    const d = body.duration;
    if (typeof d !== 'number' || d < 2 || d > 10 || !Number.isInteger(d / 0.5)) return { error: 'duration must be 2 to 10 seconds in 0.5 s steps.' };
    const mode = body.mode ?? 'prime';
    if (mode !== 'prime' && mode !== 'swift') return { error: 'mode must be prime or swift.' };
    return { cost: mode === 'prime' ? COST.prime : COST.swift };
  }

  /** Drops the connection (real port) or tells the in-process transport to; the answer never arrives. */
  private lose(c: Context<{ Bindings: Bindings }>, how: 'drop' | 'hang'): Response | Promise<Response> {
    const incoming = c.env?.incoming;
    if (incoming) {
      if (how === 'drop') incoming.socket.destroy();
      return new Promise<Response>((resolve) => incoming.socket.once('close', () => resolve(new Response(null, { status: 499 }))));
    }
    if (c.env?.transport) c.env.transport.action = how;
    return c.body(null, 500);
  }

  private sse(t: Task, fault: FaultOn<'stream'> | null): Response {
    const enc = new TextEncoder();
    const opts = this.opts;
    const view = () => this.view(t);
    let timer: NodeJS.Timeout | undefined;
    let sent = 0;
    let lastKeepAlive = Date.now();
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        if (fault && 'errorEvent' in fault) {
          controller.enqueue(enc.encode(`event: error\ndata: ${JSON.stringify(fault.errorEvent)}\n\n`));
          controller.close();
          return;
        }
        if (fault && 'silent' in fault) return;
        const tick = () => {
          try {
            const v = view();
            const terminal = v.status === 'SUCCEEDED' || v.status === 'FAILED';
            if (terminal) {
              // The final event mirrors the full task; split over several data lines (joined with \n by the client).
              const json = JSON.stringify(v).replace(/,"/g, ',\n"').split('\n');
              controller.enqueue(enc.encode(`event: message\r\n${json.map((l) => `data: ${l}`).join('\r\n')}\r\n\r\n`));
              controller.close();
              return;
            }
            if (fault && 'dropAfterEvents' in fault && sent >= fault.dropAfterEvents) {
              controller.error(new Error('stream dropped by fault injection'));
              return;
            }
            const eol = sent % 2 === 0 ? '\n' : '\r\n';
            controller.enqueue(enc.encode(`event: message${eol}data: ${JSON.stringify({ id: v.id, progress: v.progress, status: v.status })}${eol}${eol}`));
            sent++;
            if (Date.now() - lastKeepAlive >= opts.keepAliveMs) {
              controller.enqueue(enc.encode(': keep-alive\n\n'));
              lastKeepAlive = Date.now();
            }
            timer = setTimeout(tick, opts.sseTickMs);
          } catch {
            /* the client went away */
          }
        };
        tick();
      },
      cancel: () => clearTimeout(timer),
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
  }

  private build(): Hono<{ Bindings: Bindings }> {
    const app = new Hono<{ Bindings: Bindings }>();

    app.use('*', async (c, next) => {
      const url = new URL(c.req.url);
      const entry: LoggedRequest = {
        method: c.req.method,
        path: url.pathname,
        query: url.search,
        host: url.host,
        authorization: c.req.header('authorization') ?? null,
        status: 0,
        at: Date.now(),
        createdTaskId: null,
      };
      this.log.push(entry);
      c.set('entry' as never, entry as never);
      await next();
      entry.status = c.res.status;
    });

    // Signed result files: no credentials allowed, signature and expiry checked like a storage host.
    app.get('/assets/:user/tasks/:task/output/:file', async (c) => {
      if (c.req.header('authorization'))
        return c.text('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified', 400);
      const dl = this.takeFault('download', null);
      if (dl) return this.error(c, dl.status, dl.message ?? 'download fault');
      const expires = Number(c.req.query('Expires'));
      const path = new URL(c.req.url).pathname;
      const sig = crypto.createHmac('sha256', this.secret).update(`${path}:${expires}`).digest('hex').slice(0, 32);
      if (c.req.query('Signature') !== sig) return c.text('<Error><Code>AccessDenied</Code><Message>Signature mismatch</Message></Error>', 403);
      if (!(expires * 1000 > this.now())) return c.text('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', 403);
      const bytes = await this.assets.get(`${c.req.param('task')}/${c.req.param('file')}`);
      if (!bytes) return c.text('<Error><Code>NoSuchKey</Code></Error>', 404);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) });
    });

    // The public catalog: unauthenticated (and never sent credentials), camelCase envelope.
    app.get('/web/public/animations/resources', (c) => {
      if (c.req.header('authorization')) return c.json({ message: 'This public route takes no credentials.' }, 400);
      const category = c.req.query('category');
      const list = CONTRACT_LIBRARY.filter((e) => !category || e.category === category).map((e) => ({
        id: e.action_id,
        key: e.key,
        name: e.name,
        category: e.category,
        subCategory: e.sub_category,
        previewUrl: e.preview_url,
        rigType: 'biped',
        isDefault: false,
        isFree: true,
      }));
      return c.json({ result: { total: list.length, list } });
    });

    app.use('/openapi/*', async (c, next) => {
      if (c.req.header('origin')) return this.error(c, 403, 'Browser requests are not allowed; call the API from a server.');
      if (c.req.header('authorization') !== `Bearer ${this.apiKey}`) return this.error(c, 401, 'Invalid API key');
      await next();
    });

    app.get('/openapi/v1/balance', (c) => {
      const f = this.takeFault('balance', null);
      if (f) return this.error(c, f.status, f.message ?? 'balance fault', f.retryAfterSec);
      return c.json({ balance: this.balance });
    });

    app.get('/openapi/v1/animations/library', (c) => {
      const f = this.takeFault('library', null);
      if (f) return this.error(c, f.status, f.message ?? 'library fault', f.retryAfterSec);
      if (this.opts.libraryMissing) return this.error(c, 404, 'Not Found');
      const search = c.req.query('search')?.toLowerCase();
      const category = c.req.query('category');
      const sub = c.req.query('sub_category');
      const ids = c.req.query('action_ids')?.split(',').map(Number);
      return c.json(
        CONTRACT_LIBRARY.filter(
          (e) =>
            (!search || e.name.toLowerCase().includes(search) || e.key.toLowerCase().includes(search)) &&
            (!category || e.category === category) &&
            (!sub || e.sub_category === sub) &&
            (!ids || ids.includes(e.action_id)),
        ),
      );
    });

    for (const resource of RESOURCES) {
      const base = `/openapi/v1/${resource}`;

      app.post(base, async (c) => {
        const entry = c.get('entry' as never) as LoggedRequest;
        const f = this.takeFault('create', resource);
        if (f && 'status' in f) return this.error(c, f.status, f.message ?? (f.status === 429 ? 'RateLimitExceeded' : `create fault ${f.status}`), f.retryAfterSec);
        let body: Record<string, unknown>;
        try {
          body = (await c.req.json()) as Record<string, unknown>;
        } catch {
          return this.error(c, 400, 'The request body must be JSON.');
        }
        const checked = this.validate(resource, body);
        if ('error' in checked) return this.error(c, checked.status ?? 400, checked.error);
        if (this.balance < checked.cost) return this.error(c, 402, 'Insufficient credits');
        this.balance -= checked.cost;
        const id = crypto.randomUUID();
        const failure = this.takeFault('task', resource);
        const task: Task = {
          id,
          resource,
          input: body,
          createdAt: this.now(),
          createdReal: Date.now(),
          startedAt: this.holdNew ? null : Date.now(),
          pendingMs: this.opts.pendingMs,
          runMs: this.opts.runMs,
          fail: failure ? failure.fail : null,
          credits: checked.cost,
          deleted: false,
          outputs: null,
        };
        await this.makeOutputs(task);
        this.tasks.set(id, task);
        entry.createdTaskId = id;
        if (f && 'lose' in f) {
          if (f.lose === 'status500') return this.error(c, 500, 'Internal Server Error');
          return this.lose(c, f.lose);
        }
        return c.json({ result: id }, this.opts.createStatus);
      });

      app.get(base, (c) => {
        const f = this.takeFault('list', resource);
        if (f) return this.error(c, f.status, f.message ?? 'list fault', f.retryAfterSec);
        const pageNum = Number(c.req.query('page_num') ?? 1);
        const pageSize = Number(c.req.query('page_size') ?? 10);
        const sortBy = c.req.query('sort_by') ?? '-created_at';
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) return this.error(c, 400, 'page_size must be 1 to 50.');
        if (sortBy !== '-created_at' && sortBy !== '+created_at') return this.error(c, 400, 'sort_by must be +created_at or -created_at.');
        const all = [...this.tasks.values()].filter((t) => t.resource === resource && !t.deleted && t.input.seeded === undefined);
        // Tasks made in the same millisecond keep their creation order (the sort is stable), reversed for newest first.
        if (sortBy === '-created_at') all.reverse();
        all.sort((a, b) => (sortBy === '-created_at' ? b.createdAt - a.createdAt : a.createdAt - b.createdAt));
        return c.json(all.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((t) => this.view(t)));
      });

      app.get(`${base}/:id`, (c) => {
        const f = this.takeFault('get', resource);
        if (f) return this.error(c, f.status, f.message ?? 'get fault', f.retryAfterSec);
        const t = this.tasks.get(c.req.param('id'));
        if (!t || t.deleted || t.resource !== resource) return this.error(c, 404, 'Task not found');
        if (this.opts.pollRetryAfterSec !== null) c.header('Retry-After', String(this.opts.pollRetryAfterSec));
        return c.json(this.view(t));
      });

      app.get(`${base}/:id/stream`, (c) => {
        if (!/text\/event-stream/.test(c.req.header('accept') ?? '')) return this.error(c, 406, 'Accept: text/event-stream is required.');
        const t = this.tasks.get(c.req.param('id'));
        const f = this.takeFault('stream', resource);
        if (f && 'status' in f) return this.error(c, f.status, 'stream fault');
        if (!t || t.deleted || t.resource !== resource) {
          // Meshy answers 200 and reports the problem as an SSE error event.
          return new Response(`event: error\ndata: {"status_code":404,"message":"Task not found"}\n\n`, { headers: { 'Content-Type': 'text/event-stream' } });
        }
        return this.sse(t, f);
      });

      app.delete(`${base}/:id`, (c) => {
        const f = this.takeFault('delete', resource);
        if (f) return this.error(c, f.status, f.message ?? 'delete fault');
        const t = this.tasks.get(c.req.param('id'));
        if (!t || t.deleted || t.resource !== resource) return this.error(c, 404, 'Task not found');
        const s = this.status(t).status;
        if (s === 'IN_PROGRESS') return this.error(c, 409, 'Task is in progress and cannot be deleted.');
        if (s === 'PENDING') this.balance += t.credits;
        t.deleted = true;
        return c.json({});
      });
    }
    return app;
  }
}
