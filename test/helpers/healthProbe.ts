/**
 * Samples /api/health latency (and the process's peak RSS) while something else runs. The server runs
 * in this process, so a synchronous stall also freezes the probe itself; the event loop's longest delay
 * (`loopMaxMs`) is what shows such a stall.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { TestServer } from './testServer.ts';

export function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!;
}

export function healthProbe(t: Pick<TestServer, 'app'>, intervalMs = 10) {
  const latencies: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let peakRss = process.memoryUsage().rss;
  let on = true;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const sampling = (async () => {
    while (on) {
      const t0 = performance.now();
      await (await t.app.request('/api/health')).arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop(): Promise<{ latencies: number[]; peakRss: number; loopMaxMs: number }> {
      on = false;
      await sampling;
      clearInterval(rssTimer);
      loop.disable();
      return { latencies, peakRss, loopMaxMs: loop.max / 1e6 };
    },
  };
}
