/**
 * The whole studio flow with recognisable fake provider credentials configured on the server
 * (SayMotion and Meshy contract servers): every byte the server sends to the browser — response
 * headers and bodies, the SSE streams, downloaded files — and every file of the built SPA is
 * searched for the credentials. None may appear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DM_CLIENT_ID, E2E_DM_CLIENT_SECRET, E2E_MESHY_API_KEY } from '../test/contract/e2eContractEnv.ts';

const SECRETS = { E2E_DM_CLIENT_ID, E2E_DM_CLIENT_SECRET, E2E_MESHY_API_KEY };

function leaks(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, v]) => text.includes(v) || text.includes(Buffer.from(v).toString('base64')))
    .map(([k]) => k);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('no provider credential in anything the server sends, through a local and a SayMotion job', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const captured: string[] = [];
  // Every non-streaming response passes through here with its full body.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (/\/events(\?|$)/.test(url)) return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    captured.push(`${route.request().method()} ${url} ${response.status()} ${JSON.stringify(response.headers())}\n${body.toString('latin1')}`);
    await route.fulfill({ response, body });
  });
  // The SSE streams, read the way the browser does, for the whole flow.
  const sse = new AbortController();
  let streamed = '';
  const reading = (async () => {
    const res = await fetch(`${baseURL}/api/events`, { signal: sse.signal });
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      streamed += Buffer.from(value).toString('latin1');
    }
  })().catch(() => undefined);

  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person walks forward then waves');
  await page.getByTestId('duration-input').fill('3');
  await page.getByTestId('generate-button').click();
  await expect(page.getByTestId('job-card').first()).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });

  await page.getByTestId('provider-select').selectOption('saymotion');
  await page.getByTestId('prompt-input').fill('a person jumps "high", then bows');
  await page.getByTestId('generate-button').click();
  await expect(page.getByTestId('job-card').first()).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });

  // Every file of every job, as a download would fetch it, and the provider-facing lists.
  const jobs = (await (await page.request.get('/api/jobs')).json()) as { items: Array<{ id: string; variants: Array<{ files: Array<{ url: string }> }> }> };
  expect(jobs.items.length).toBeGreaterThanOrEqual(2);
  for (const job of jobs.items) {
    for (const f of job.variants.flatMap((v) => v.files)) captured.push((await (await page.request.get(f.url)).body()).toString('latin1'));
    captured.push(await (await page.request.get(`/api/jobs/${job.id}/events?lastEventId=0`)).text());
  }
  for (const url of ['/api/providers', '/api/characters?provider=saymotion', '/api/characters?provider=meshy', '/api/library?provider=meshy', '/api/openapi.json']) {
    captured.push(await (await page.request.get(url)).text());
  }
  sse.abort();
  await reading;

  expect(captured.length).toBeGreaterThan(10);
  expect(streamed).toContain('event: job');
  expect(leaks(captured.join('\n')), 'credentials in responses').toEqual([]);
  expect(leaks(streamed), 'credentials in the SSE stream').toEqual([]);
  const dist = path.resolve('dist');
  const built = filesUnder(dist);
  expect(built.some((f) => f.endsWith('.js'))).toBe(true);
  for (const f of built) expect(leaks(fs.readFileSync(f).toString('latin1')), `credentials in ${path.relative(dist, f)}`).toEqual([]);
});
