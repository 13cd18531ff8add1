/**
 * End-to-end job figures through the real server (validation, SQLite, engine worker, GLB export,
 * atomic cache writes, events): from POST to the succeeded event; and the first download of an FBX,
 * which is made on demand (then cached).
 */
import { startTestServer } from '../test/helpers/testServer.ts';

const t = await startTestServer();
try {
  const run = async (variants: number, durationSec: number, seed: number) => {
    const start = performance.now();
    const res = await t.json('POST', '/api/jobs', {
      provider: 'local',
      kind: 'text2motion',
      prompt: 'a person walks forward then turns left and waves',
      variants,
      durationSec,
      seed,
    });
    if (res.status !== 201) throw new Error(`POST failed: ${JSON.stringify(res.body)}`);
    const job = await t.waitForJob(res.body.id, 120_000);
    if (job.status !== 'succeeded') throw new Error(`job ${job.status}: ${JSON.stringify(job.error)}`);
    return { ms: performance.now() - start, bytes: job.variants.flatMap((v) => v.files).reduce((a, f) => a + (f.bytes ?? 0), 0) };
  };
  await run(1, 2, 1); // warm the worker thread and its module cache
  const median = async (variants: number) => {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await run(variants, 10, 100 + i);
      samples.push(r.ms);
      bytes = r.bytes;
    }
    samples.sort((a, b) => a - b);
    return { ms: samples[2]!, bytes };
  };
  const one = await median(1);
  const eight = await median(8);
  console.log(`server_job_1x10s_end_to_end ${one.ms.toFixed(1)} ms`);
  console.log(`server_job_8x10s_end_to_end ${eight.ms.toFixed(1)} ms`);
  console.log(`server_job_8x10s_output_size ${(eight.bytes / 1024).toFixed(1)} KiB`);
  // The first download of a lazily made FBX (computed, cached, served): a fresh 10 s take each time, median of 5.
  const firstFbx: number[] = [];
  // CPU time of the whole process (main thread and the converter worker): on a shared, loaded machine the
  // wall time mostly says how busy the other processes were.
  const firstFbxCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await t.json('POST', '/api/jobs', {
      provider: 'local',
      kind: 'text2motion',
      prompt: 'a person walks forward then turns left and waves',
      variants: 1,
      durationSec: 10,
      seed: 200 + i,
    });
    const job = await t.waitForJob(res.body.id, 120_000);
    const url = job.variants[0]!.files.find((f) => f.format === 'fbx')!.url;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const dl = await t.app.request(url);
    const bytes = (await dl.arrayBuffer()).byteLength;
    firstFbx.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    firstFbxCpu.push((used.user + used.system) / 1000);
    if (dl.status !== 200 || bytes === 0) throw new Error(`FBX download failed: ${dl.status}`);
  }
  firstFbx.sort((a, b) => a - b);
  firstFbxCpu.sort((a, b) => a - b);
  console.log(`server_first_fbx_download_10s ${firstFbx[2]!.toFixed(1)} ms`);
  console.log(`server_first_fbx_download_10s_cpu ${firstFbxCpu[2]!.toFixed(1)} ms`);
  console.log(`server_rss_after_jobs ${(process.memoryUsage().rss / 2 ** 20).toFixed(1)} MiB`);
} finally {
  await t.close();
}
