/**
 * Character uploads through the real app: accepted formats recognised by their bytes (GLB, VRM,
 * binary and ASCII FBX), every bad upload refused with a 4xx naming the field, server-made ids
 * only (a hostile name never becomes a path), the 50 MiB limit instead of the 256 KiB JSON limit,
 * listing after the mannequin, download and delete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, WebIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import { MAX_JSON_BODY_BYTES } from '../app.ts';
import { MAX_CHARACTER_BYTES } from './characterUploads.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const HAVE_FIXTURES = fs.existsSync(path.join(FIXTURES, 'human-male.glb'));
if (!HAVE_FIXTURES) console.warn(`skipping fixture uploads: ${FIXTURES} is absent (it lives outside the repository)`);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function upload(body: Uint8Array | string, name: string | null = 'Hero', type: string | null = 'model/gltf-binary') {
  const url = name === null ? '/api/characters' : `/api/characters?name=${encodeURIComponent(name)}`;
  const headers: Record<string, string> = type ? { 'content-type': type } : {};
  const res = await t.app.request(url, { method: 'POST', headers, body: typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>) });
  return { status: res.status, body: (await res.json()) as any };
}

async function tinyGlb(extensionsUsed: string[] = []): Promise<Uint8Array> {
  const doc = new Document();
  doc.createScene().addChild(doc.createNode('root'));
  const bytes = await new WebIO().writeBinary(doc);
  if (extensionsUsed.length === 0) return bytes;
  // Add a declared extension to the JSON chunk (what a VRM exporter writes), keeping the GLB valid.
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const jsonLen = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLen)));
  json.extensionsUsed = extensionsUsed;
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const jsonBytes = new TextEncoder().encode(text);
  const rest = bytes.subarray(20 + jsonLen);
  const out = new Uint8Array(20 + jsonBytes.length + rest.length);
  const ov = new DataView(out.buffer);
  out.set(bytes.subarray(0, 12));
  ov.setUint32(8, out.length, true);
  ov.setUint32(12, jsonBytes.length, true);
  ov.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  out.set(rest, 20 + jsonBytes.length);
  return out;
}

describe('uploads', () => {
  it('accepts GLB, VRM (GLB with a VRM extension), binary FBX and ASCII FBX, detected by their bytes', async () => {
    const glb = await upload(await tinyGlb(), 'Plain');
    expect(glb.status).toBe(201);
    expect(glb.body).toMatchObject({ name: 'Plain', provider: 'local', format: 'glb' });
    expect(glb.body.id).toMatch(/^chr_[a-z0-9]{16}$/);
    expect((await upload(await tinyGlb(['VRMC_vrm']), 'Avatar')).body.format).toBe('vrm');
    expect((await upload(await tinyGlb(['VRM']), 'Old avatar')).body.format).toBe('vrm');
    // The smallest well-formed binary FBX: header, version 7400, and the empty top-level list's null record
    // (the structure is checked, so random bytes after the magic no longer pass).
    const fbxBinary = new Uint8Array(27 + 13);
    fbxBinary.set(new TextEncoder().encode('Kaydara FBX Binary  \0\x1a\0'));
    new DataView(fbxBinary.buffer).setUint32(23, 7400, true);
    expect((await upload(fbxBinary, 'Binary FBX', 'application/octet-stream')).body.format).toBe('fbx');
    expect((await upload('; FBX 7.4.0 project file\n; ----\n', 'ASCII FBX', 'application/octet-stream')).body.format).toBe('fbx');
  });

  it.skipIf(!HAVE_FIXTURES)('uploads a real rigged character and serves it back byte for byte', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-male.glb')));
    const res = await upload(bytes, 'Human male');
    expect(res.status).toBe(201);
    const model = await t.app.request(res.body.modelUrl);
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('model/gltf-binary');
    expect(new Uint8Array(await model.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a file that is no model, with a 400 naming the body', async () => {
    const res = await upload(new TextEncoder().encode('<html>not a model</html>'), 'Page', 'application/octet-stream');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unsupported_model', field: 'body' });
    expect(res.body.error.message).toMatch(/not a GLB, VRM or FBX/);
  });

  it('refuses a truncated GLB and an empty body', async () => {
    const glb = await tinyGlb();
    const cut = await upload(glb.subarray(0, glb.length - 8), 'Cut');
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toMatch(/truncated/);
    const empty = await upload(new Uint8Array(0), 'Empty');
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('body');
  });

  it('requires a model Content-Type and a raw body (not a form)', async () => {
    const glb = await tinyGlb();
    const none = await upload(glb, 'Hero', null);
    expect(none.status).toBe(415);
    expect(none.body.error.field).toBe('Content-Type');
    expect((await upload(glb, 'Hero', 'multipart/form-data; boundary=x')).status).toBe(415);
    expect((await upload(glb, 'Hero', 'text/plain')).status).toBe(415);
  });

  it('requires a plain name: missing, empty, too long and path-like names are 400s on "name"', async () => {
    const glb = await tinyGlb();
    for (const name of [null, '   ', 'x'.repeat(81), '../../etc/passwd', '..', 'a\\b', 'line\nbreak']) {
      const res = await upload(glb, name);
      expect(res.status, String(name)).toBe(400);
      expect(res.body.error.field).toBe('name');
    }
    const charDir = path.join(t.dataDir, 'characters');
    const before = fs.readdirSync(charDir).length;
    // A name full of dots and odd characters (but no separators) is only a label: the path is the server's id.
    const ok = await upload(glb, '.. héros ..');
    expect(ok.status).toBe(201);
    const files = fs.readdirSync(charDir);
    expect(files.length).toBe(before + 2);
    expect(files.every((f) => /^chr_[a-z0-9]{16}\.(glb|vrm|fbx|json)$/.test(f))).toBe(true);
    expect(fs.readdirSync(t.dataDir).sort()).not.toContain('etc');
  });

  it('takes files far above the 256 KiB JSON limit, and refuses over 50 MiB with a 413', async () => {
    const glb = await tinyGlb();
    // A GLB whose declared length matches, padded to 1 MiB with a BIN chunk.
    const pad = 1024 * 1024;
    const big = new Uint8Array(glb.length + 8 + pad);
    big.set(glb);
    const v = new DataView(big.buffer);
    v.setUint32(8, big.length, true);
    v.setUint32(glb.length, pad, true);
    v.setUint32(glb.length + 4, 0x004e4942, true);
    expect(big.length).toBeGreaterThan(MAX_JSON_BODY_BYTES);
    expect((await upload(big, 'Big')).status).toBe(201);

    const tooBig = new Uint8Array(MAX_CHARACTER_BYTES + 1);
    tooBig.set(new TextEncoder().encode('glTF'));
    const res = await upload(tooBig, 'Huge');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    // The JSON routes keep their small limit.
    const json = await t.app.request('/api/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(MAX_JSON_BODY_BYTES) }),
    });
    expect(json.status).toBe(413);
  });

  it('lists uploads after the mannequin, and deletes them', async () => {
    const made = await upload(await tinyGlb(), 'To delete');
    const list = await t.json('GET', '/api/characters?provider=local');
    expect(list.body[0]).toMatchObject({ id: 'mannequin' });
    expect(list.body.map((c: { id: string }) => c.id)).toContain(made.body.id);
    expect((await t.app.request(`/api/characters/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.json('GET', '/api/characters?provider=local')).body.map((c: { id: string }) => c.id)).not.toContain(made.body.id);
    const again = await t.app.request(`/api/characters/${made.body.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    const bad = await t.app.request('/api/characters/..%2F..%2Fkinema.sqlite', { method: 'DELETE' });
    expect(bad.status).toBe(404);
    expect(fs.existsSync(path.join(t.dataDir, 'kinema.sqlite'))).toBe(true);
  });
});
