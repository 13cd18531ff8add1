/**
 * The outbound module against real local servers (no fetch mocks): guarded redirect hops, credentials
 * kept to their origin, capped reads, timeouts and typed errors, Retry-After and the abortable sleep.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError } from './outboundError.ts';
import { outboundFetch } from './outboundFetch.ts';
import { parseRetryAfter } from './parseRetryAfter.ts';
import { PublicHostGuard } from './publicHostGuard.ts';
import { readCapped } from './readCapped.ts';
import { sleep } from './sleep.ts';
import { AllowListGuard } from './urlGuard.ts';

interface Seen {
  path: string;
  authorization?: string;
  cookie?: string;
  other?: string;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function caught(p: Promise<unknown>): Promise<OutboundError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutboundError);
  return err as OutboundError;
}

let a: { server: http.Server; origin: string };
let b: { server: http.Server; origin: string };
const seenA: Seen[] = [];
const seenB: Seen[] = [];

function record(into: Seen[], req: http.IncomingMessage): void {
  into.push({ path: req.url ?? '', authorization: req.headers.authorization, cookie: req.headers.cookie, other: req.headers['x-other'] as string | undefined });
}

beforeAll(async () => {
  b = await listen((req, res) => {
    record(seenB, req);
    res.end('from b');
  });
  a = await listen((req, res) => {
    record(seenA, req);
    const redirect = (location: string) => {
      res.writeHead(302, { location });
      res.end();
    };
    switch (req.url) {
      case '/to-b':
        return redirect(`${b.origin}/landed`);
      case '/to-self':
        return redirect('/landed');
      case '/to-private':
        return redirect('http://10.0.0.5/x');
      case '/to-metadata':
        return redirect('http://169.254.169.254/latest/meta-data');
      case '/to-evil':
        return redirect('http://evil.example/x');
      case '/declared-big':
        res.writeHead(200, { 'content-length': '5000' });
        return res.end(Buffer.alloc(5000));
      case '/streamed-big':
        // Chunked, no Content-Length: the cap must trip while reading.
        res.writeHead(200);
        res.write(Buffer.alloc(3000));
        return res.end(Buffer.alloc(3000));
      case '/silent':
        return; // never answers
      case '/stall':
        res.writeHead(200);
        return res.write('half'); // never ends
      default:
        res.end('from a');
    }
  });
});
afterAll(async () => {
  for (const s of [a.server, b.server]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

const allowA = () => new AllowListGuard({ hosts: [new URL(a.origin).host], allowHttp: true, what: 'the test hosts' });

describe('redirect hops', () => {
  it('refuses a hop to a private address without requesting it', async () => {
    const err = await caught(outboundFetch(new URL(`${a.origin}/to-private`), { guard: allowA() }));
    expect(err.kind).toBe('refused_url');
    expect(err.details.refusal).toMatchObject({ hop: 1, reason: 'host' });
    // An unlisted public guard refuses the private address as such.
    const meta = await caught(outboundFetch(new URL(`${a.origin}/to-metadata`), { guard: new PublicHostGuard({ allowHttp: true, allowAddresses: ['127.0.0.1'] }) }));
    expect(meta.details.refusal).toMatchObject({ hop: 1, reason: 'address' });
    expect(meta.message).toMatch(/169\.254\.169\.254 is private or local/);
  });

  it('refuses a hop to a host off the allow-list', async () => {
    const err = await caught(outboundFetch(new URL(`${a.origin}/to-evil`), { guard: allowA() }));
    expect(err.details.refusal).toMatchObject({ hop: 1, reason: 'host', detail: 'evil.example is not one of the test hosts' });
  });

  it('refuses the first URL too, and plain http unless allowed', async () => {
    const guard = new AllowListGuard({ hosts: [new URL(a.origin).host], allowHttp: false, what: 'the test hosts' });
    const err = await caught(outboundFetch(new URL(`${a.origin}/`), { guard }));
    expect(err.details.refusal).toMatchObject({ hop: 0, reason: 'scheme' });
  });

  it('follows allowed hops; with maxRedirects 0 hands the 3xx back', async () => {
    const res = await outboundFetch(new URL(`${a.origin}/to-self`), { guard: allowA() });
    expect(await res.text()).toBe('from a');
    const raw = await outboundFetch(new URL(`${a.origin}/to-self`), { maxRedirects: 0 });
    expect(raw.status).toBe(302);
    await raw.body?.cancel();
  });
});

describe('credentials', () => {
  it('are never sent across a redirect to another origin', async () => {
    seenB.length = 0;
    const origin = new URL(a.origin).origin;
    const res = await outboundFetch(new URL(`${a.origin}/to-b`), {
      headers: { Authorization: 'Bearer secret', 'x-other': 'kept' },
      credentialsFor: (url): Record<string, string> => (url.origin === origin ? { cookie: 'dmsess=abc' } : {}),
    });
    expect(await res.text()).toBe('from b');
    expect(seenA.at(-1)).toMatchObject({ path: '/to-b', authorization: 'Bearer secret', cookie: 'dmsess=abc' });
    expect(seenB).toEqual([{ path: '/landed', authorization: undefined, cookie: undefined, other: 'kept' }]);
  });

  it('stay on a redirect within the same origin', async () => {
    await (await outboundFetch(new URL(`${a.origin}/to-self`), { headers: { Authorization: 'Bearer secret' } })).text();
    expect(seenA.at(-1)).toMatchObject({ path: '/landed', authorization: 'Bearer secret' });
  });
});

describe('capped reads', () => {
  it('refuses a declared size over the cap before reading', async () => {
    const err = await caught(readCapped(await outboundFetch(new URL(`${a.origin}/declared-big`)), { maxBytes: 1000 }));
    expect(err).toMatchObject({ kind: 'too_large', details: { limitBytes: 1000, declaredBytes: 5000 } });
  });

  it('stops a streamed body as soon as it passes the cap', async () => {
    const err = await caught(readCapped(await outboundFetch(new URL(`${a.origin}/streamed-big`)), { maxBytes: 4000 }));
    expect(err.kind).toBe('too_large');
    expect(err.details.declaredBytes).toBeUndefined();
    expect(await readCapped(await outboundFetch(new URL(`${a.origin}/streamed-big`)), { maxBytes: 6000 })).toHaveLength(6000);
  });
});

describe('failures', () => {
  it('a server that never answers is a timeout; so is a body that stalls', async () => {
    const err = await caught(outboundFetch(new URL(`${a.origin}/silent`), { timeoutMs: 200 }));
    expect(err).toMatchObject({ kind: 'timeout', message: 'no answer within 0 s', details: { timeoutMs: 200 } });
    const res = await outboundFetch(new URL(`${a.origin}/stall`), { timeoutMs: 300 });
    expect((await caught(readCapped(res, { maxBytes: 1000, timeoutMs: 300 }))).kind).toBe('timeout');
  });

  it('a refused connection is a network error that keeps the socket code', async () => {
    const closed = await listen(() => undefined);
    await new Promise<void>((r) => closed.server.close(() => r()));
    const err = await caught(outboundFetch(new URL(`${closed.origin}/`)));
    expect(err.kind).toBe('network');
    expect((err.cause as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it("the caller's cancel rejects with its own reason, unwrapped", async () => {
    const ctl = new AbortController();
    const pending = outboundFetch(new URL(`${a.origin}/silent`), { signal: ctl.signal, timeoutMs: 5000 });
    const reason = new Error('job canceled');
    setTimeout(() => ctl.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    const now = Date.parse('Fri, 04 Dec 2026 12:00:00 GMT');
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('sleep', () => {
  it('waits, and rejects with the reason when aborted', async () => {
    const t0 = Date.now();
    await sleep(30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    const ctl = new AbortController();
    const pending = sleep(10_000, ctl.signal);
    ctl.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(10, ctl.signal)).rejects.toThrow('stop');
  });
});
