/**
 * `npm run bench`: runs every benchmark script in its own process (so one's heap and JIT state do
 * not colour another's figures) and passes their `name value unit` lines through.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const SUITES = ['engine.ts', 'actions.ts', 'prompt.ts', 'constraints.ts', 'server.ts', 'reliability.ts', 'scaleout.ts', 'polling.ts', 'browser.ts', 'render.ts'];

let failed = 0;
for (const file of SUITES) {
  const full = new URL(`./${file}`, import.meta.url);
  if (!fs.existsSync(full)) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', full.pathname], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${file} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
