import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import { ProviderError } from '../contract/providerError.ts';
import { DEFAULT_RENDER_TOOLS, renderToolsFromEnv, requireRenderTools } from './renderTools.ts';

const NOWHERE = '/nonexistent/kinema-test';

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a failure');
}

describe('render tools', () => {
  it('the Debian locations by default; env overrides them', () => {
    expect(renderToolsFromEnv({})).toEqual(DEFAULT_RENDER_TOOLS);
    expect(renderToolsFromEnv({ KINEMA_CHROMIUM_PATH: '/usr/lib/chromium/chromium', KINEMA_FFMPEG_PATH: ' /opt/ffmpeg ' })).toEqual({
      chromiumPath: '/usr/lib/chromium/chromium',
      ffmpegPath: '/opt/ffmpeg',
    });
  });

  it('a missing Chromium names the apt package and the path it looked at', async () => {
    const err = await failure(requireRenderTools({ ...DEFAULT_RENDER_TOOLS, chromiumPath: `${NOWHERE}/chromium` }));
    expect(err.code).toBe('render_tool_missing');
    expect(err.message).toContain('`apt-get install chromium`');
    expect(err.message).toContain(`${NOWHERE}/chromium`);
    expect(err.message).not.toContain('apt-get install ffmpeg');
  });

  it('a missing ffmpeg names its package; both missing names both', async () => {
    const one = await failure(requireRenderTools({ ...DEFAULT_RENDER_TOOLS, ffmpegPath: `${NOWHERE}/ffmpeg` }));
    expect(one.message).toContain('`apt-get install ffmpeg`');
    expect(one.message).not.toContain('apt-get install chromium');
    const both = await failure(requireRenderTools({ chromiumPath: `${NOWHERE}/chromium`, ffmpegPath: `${NOWHERE}/ffmpeg` }));
    expect(both.message).toMatch(/apt-get install chromium.*apt-get install ffmpeg/s);
  });

  it('a directory or a non-executable file does not count as installed', async () => {
    await failure(requireRenderTools({ ...DEFAULT_RENDER_TOOLS, ffmpegPath: '/usr/bin' }));
    const plain = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-tools-')), 'chromium');
    fs.writeFileSync(plain, '#!/bin/sh\n', { mode: 0o644 });
    await failure(requireRenderTools({ ...DEFAULT_RENDER_TOOLS, chromiumPath: plain }));
  });

  it('the installed programs pass', async () => {
    await expect(requireRenderTools(DEFAULT_RENDER_TOOLS)).resolves.toBeUndefined();
  });
});

describe('a render job on a server without Chromium', () => {
  let t: TestServer;
  const saved = process.env.KINEMA_CHROMIUM_PATH;
  beforeAll(async () => {
    process.env.KINEMA_CHROMIUM_PATH = `${NOWHERE}/chromium`;
    t = await startTestServer();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.KINEMA_CHROMIUM_PATH;
    else process.env.KINEMA_CHROMIUM_PATH = saved;
    await t?.close();
  });

  it('fails with the message saying what to install', async () => {
    const parent = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person waves', durationSec: 1, seed: 3 });
    expect(parent.status).toBe(201);
    expect((await t.waitForJob(parent.body.id, 60_000)).status).toBe('succeeded');
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'render', parentJobId: parent.body.id, variant: 1 });
    expect(res.status).toBe(201);
    const job = await t.waitForJob(res.body.id, 30_000);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('render_tool_missing');
    expect(job.error?.message).toContain('apt-get install chromium');
    expect(job.variants).toEqual([]);
  });
});
