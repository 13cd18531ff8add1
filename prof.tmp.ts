import { startTestServer } from './test/helpers/testServer.ts';
import * as cm from './server/downloads/convertMotion.ts';
const t = await startTestServer();
await new Promise((r) => setTimeout(r, 1500));
for (let i = 0; i < 5; i++) {
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward then turns left and waves', variants: 1, durationSec: 10, seed: 200 + i });
  const job = await t.waitForJob(res.body.id, 120_000);
  const url = job.variants[0]!.files.find((f) => f.format === 'fbx')!.url;
  const s0 = performance.now();
  const dl = await t.app.request(url);
  await dl.arrayBuffer();
  const s1 = performance.now();

  console.log('fbx total', (s1 - s0).toFixed(1));
}
await t.close();
