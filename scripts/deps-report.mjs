// Writes .tmp/deps-report.md: module count, cycle count and rule violations from dependency-cruiser.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let out;
try {
  out = execFileSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'server', 'src'], { maxBuffer: 1 << 28 });
} catch (e) {
  out = e.stdout; // depcruise exits non-zero when rules are violated; the JSON is still complete
}
const r = JSON.parse(out.toString());
const v = r.summary.violations;
const byRule = {};
for (const x of v) byRule[x.rule.name] = (byRule[x.rule.name] ?? 0) + 1;
const cycles = byRule['no-circular'] ?? 0;
const lines = [
  '# Dependency report',
  '',
  `Modules: ${r.summary.totalCruised}, dependencies: ${r.summary.totalDependenciesCruised}`,
  `Cycles: ${cycles}`,
  `Violations: ${v.length}`,
  '',
  ...Object.entries(byRule).map(([k, n]) => `- ${k}: ${n}`),
  '',
  ...v.map((x) => `- ${x.rule.name}: ${x.from} → ${x.to}${x.cycle ? ' (cycle: ' + x.cycle.map((c) => c.name ?? c).join(' → ') + ')' : ''}`),
];
fs.mkdirSync('.tmp', { recursive: true });
fs.writeFileSync('.tmp/deps-report.md', lines.join('\n') + '\n');
console.log(`${cycles} cycles, ${v.length} violations (.tmp/deps-report.md)`);
