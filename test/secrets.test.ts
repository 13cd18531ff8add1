/**
 * Provider keys are read only on the server: they never appear in a response, an SSE event, a log
 * line, or the built SPA bundle. The secrets are recognisable fakes so any leak is found by search.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSse, startTestServer } from './helpers/testServer.ts';

const SECRETS = {
  DM_CLIENT_ID: 'leakcheck-dm-client-id-7f3a9c',
  DM_CLIENT_SECRET: 'leakcheck-dm-client-secret-b81e44',
  MESHY_API_KEY: 'msy_leakcheck_meshy_key_55d0e2',
  KINEMA_LOCAL_CLIENT_SECRET: 'leakcheck-local-secret-c0ffee',
};
// A closed port: the providers fail fast, so their error paths are exercised too.
const UNREACHABLE = { DM_API_SERVER_URL: 'http://127.0.0.1:9', MESHY_API_BASE: 'http://127.0.0.1:9' };

function assertClean(where: string, text: string) {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${name} leaked in ${where}`).toBe(false);
    // Also the halves, in case something truncates or splits a key.
    expect(text.includes(value.slice(0, 16)), `part of ${name} leaked in ${where}`).toBe(false);
  }
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('secrets stay on the server', () => {
  it('no key in any response, event or log line', async () => {
    const logs: string[] = [];
    const t = await startTestServer({ ...SECRETS, ...UNREACHABLE }, undefined, (l) => logs.push(l));
    try {
      const seen: string[] = [];
      const get = async (url: string, init?: RequestInit) => {
        const res = await t.app.request(url, init);
        seen.push(`${url} ${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
        return res;
      };
      for (const url of [
        '/api/health',
        '/api/providers',
        '/api/openapi.json',
        '/api/characters?provider=local',
        '/api/characters?provider=saymotion',
        '/api/characters?provider=meshy',
        '/api/jobs',
      ]) {
        await get(url);
      }
      const post = (body: unknown) => get('/api/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post({ provider: 'saymotion', kind: 'text2motion', prompt: 'walk' });
      await post({ provider: 'meshy', kind: 'text2motion', prompt: 'walk' });
      const local = await (
        await t.app.request('/api/jobs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'walk then wave', durationSec: 2 }),
        })
      ).json();
      const events = await readSse(await t.app.request(`/api/jobs/${local.id}/events`));
      seen.push(JSON.stringify(events));
      const sayJobs = (await t.services.store.list(50, null)).items.filter((j) => j.provider !== 'local');
      for (const j of sayJobs) seen.push(JSON.stringify(await t.waitForJob(j.id)));
      assertClean('responses', seen.join('\n'));
      assertClean('log lines', logs.join('\n'));
      assertClean('the database', fs.readFileSync(path.join(t.dataDir, 'kinema.sqlite')).toString('latin1'));
    } finally {
      await t.close();
    }
  });

  it('no key in the built SPA, even when the build runs with the keys in its environment', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-bundle-'));
    try {
      execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
        env: { ...process.env, ...SECRETS },
        stdio: 'pipe',
      });
      const files = filesUnder(out);
      expect(files.some((f) => f.endsWith('.js'))).toBe(true);
      for (const f of files) assertClean(path.relative(out, f), fs.readFileSync(f).toString('latin1'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
