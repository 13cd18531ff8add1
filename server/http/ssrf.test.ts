import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './outbound/isPublicAddress.ts';
import { OutboundError } from './outbound/outboundError.ts';
import { PublicHostGuard } from './outbound/publicHostGuard.ts';
import { safeFetch } from './ssrf.ts';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['8.8.8.8', true],
    ['172.32.0.1', true],
    ['1.1.1.1', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('PublicHostGuard', () => {
  it.each([
    'http://example.com/a.glb',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'https://127.0.0.1/x',
    'https://[::1]/x',
    'https://169.254.169.254/latest/meta-data',
    'https://localhost/x',
    'https://printer.local/x',
    'https://user:pw@example.com/x',
  ])('refuses %s', (url) => {
    expect(new PublicHostGuard().refuse(new URL(url))).not.toBeNull();
  });
  it('accepts public https', () => {
    expect(new PublicHostGuard().refuse(new URL('https://example.com/a.glb'))).toBeNull();
  });
});

describe('safeFetch', () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect-to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
        return res.end();
      }
      if (req.url === '/big') {
        res.writeHead(200);
        return res.end(Buffer.alloc(5000));
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a URL that is not one', async () => {
    await expect(safeFetch('not a url', { maxBytes: 100 })).rejects.toMatchObject({ kind: 'refused_url' });
  });

  it('refuses a loopback target even by IP, and by a name that resolves to loopback', async () => {
    await expect(safeFetch(`http://127.0.0.1:${port}/`, { maxBytes: 100, allowHttp: true })).rejects.toThrow(OutboundError);
    // A public-looking name whose DNS answer is loopback (as in DNS rebinding) is refused at connect time.
    const rebinding = async () => [{ address: '127.0.0.1', family: 4 }];
    await expect(safeFetch(`http://assets.example.com:${port}/`, { maxBytes: 100, allowHttp: true, resolve: rebinding })).rejects.toThrow(/private or local/);
  });

  it('fetches an allowed address, checks every redirect hop and caps the size', async () => {
    const ok = await safeFetch(`http://127.0.0.1:${port}/`, { maxBytes: 100, allowHttp: true, allowAddresses: ['127.0.0.1'] });
    expect(Buffer.from(ok.body).toString()).toBe('hello');
    await expect(safeFetch(`http://127.0.0.1:${port}/redirect-to-metadata`, { maxBytes: 100, allowHttp: true, allowAddresses: ['127.0.0.1'] })).rejects.toThrow(/private or local/);
    await expect(safeFetch(`http://127.0.0.1:${port}/big`, { maxBytes: 100, allowHttp: true, allowAddresses: ['127.0.0.1'] })).rejects.toMatchObject({ kind: 'too_large' });
  });
});
