/** Samples /api/health latency (and the process's peak RSS) while something else runs. */
import type { TestServer } from './testServer.ts';

export function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!;
}

export function healthProbe(t: Pick<TestServer, 'app'>, intervalMs = 10) {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let on = true;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const loop = (async () => {
    while (on) {
      const t0 = performance.now();
      await (await t.app.request('/api/health')).arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop(): Promise<{ latencies: number[]; peakRss: number }> {
      on = false;
      await loop;
      clearInterval(rssTimer);
      return { latencies, peakRss };
    },
  };
}
