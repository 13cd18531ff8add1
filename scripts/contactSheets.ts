/**
 * Contact sheets: 8 evenly spaced frames of an action as a stick figure (oblique view, so sideways
 * and forward motion both show), with the floor and any scene proxies, rendered SVG → PNG through
 * Debian's chromium with playwright-core. Writes docs/contact-sheets/<name>.png.
 *
 *   npx tsx scripts/contactSheets.ts            # every sheet in SHEETS
 *   npx tsx scripts/contactSheets.ts cartwheel  # only the named sheets
 *
 * Sheets whose actions are not registered yet (authored on another branch) are skipped with a note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { fkAll } from '../server/engine/core/fk.ts';
import { CANONICAL } from '../server/engine/core/skeleton.ts';
import type { Motion } from '../server/engine/core/motion.ts';
import { registryEntry } from '../server/engine/actions/registry.ts';
import type { SceneItem } from '../server/engine/actions/scene.ts';
import { motionsFromPlan } from '../server/engine/text2motion.ts';
import type { PlanStep } from '../server/engine/prompt/plan.ts';

const SHEETS: Record<string, string[]> = {
  cartwheel: ['cartwheel'],
  backflip: ['backflip'],
  forwardRoll: ['forwardRoll'],
  pushUps: ['pushUps'],
  stairsUp: ['stairsUp'],
  climbLadder: ['climbLadder'],
  throwOverhand: ['throwOverhand'],
  pickUpCarry: ['pickUp', 'carry'],
  golfSwing: ['golfSwing'],
  jabHookUppercut: ['jab', 'hook', 'uppercut'],
  roundhouseKick: ['roundhouseKick'],
  swordSlash: ['swordSlash'],
  waltz: ['waltz'],
  facepalm: ['facepalm'],
  fallBackwardGetUp: ['fallBackward', 'getUp'],
  crawl: ['crawl'],
  // Stand-ins while the four above from the parallel library branch are not merged.
  handstand: ['handstand'],
  stairsDown: ['stairsDown'],
  sitUps: ['sitUps'],
  death: ['death'],
  // Object, sports, dance, gesture and idle samples beyond the 16.
  ballet: ['ballet'],
  volleyballSpike: ['volleyballSpike'],
  balanceOneFoot: ['balanceOneFoot'],
  drinkPhoneCall: ['drink', 'phoneCall'],
  // Going down (plan direction π, as the reader plans "climbs down a ladder"), the moonwalk, star jumps, lying on the side.
  climbLadderDown: ['climbLadder:down'],
  moonwalk: ['moonwalk'],
  jumpingJacks: ['jumpingJacks'],
  lieOnSide: ['lieOnSide'],
  // Getting up from the pose the character is in.
  fallForwardGetUp: ['fallForward', 'getUp'],
  kneelGetUp: ['kneel', 'getUp'],
  sitFloorGetUp: ['sitFloor', 'getUp'],
};

/** A sheet entry: an action id, with ':down' for its descending variant. */
const stepOf = (entry: string): PlanStep => {
  const [action, how] = entry.split(':') as [string, string | undefined];
  return { action, label: entry, with: [], ...(how === 'down' ? { dir: Math.PI } : {}) };
};

const W = 210,
  H = 300,
  SCALE = 95,
  VIEW = (50 * Math.PI) / 180;
const LEFT = '#2563eb',
  RIGHT = '#dc2626',
  MID = '#111827';

/** Oblique projection: x (left) and z (forward) both spread across the screen, y up. */
let camY = 0;
/** Oblique projection: x (left) and z (forward) both spread across the screen, y up; the camera rises with a climber. */
function project(x: number, y: number, z: number, cx: number, cz: number): [number, number] {
  const u = -(x - cx) * Math.cos(VIEW) + (z - cz) * Math.sin(VIEW);
  const depth = (x - cx) * Math.sin(VIEW) + (z - cz) * Math.cos(VIEW);
  return [W / 2 + u * SCALE, H - 40 - (y - camY) * SCALE - depth * 0.25 * SCALE];
}

function sceneSvg(items: readonly SceneItem[], cx: number, cz: number): string {
  const out: string[] = [];
  for (const s of items) {
    const [w, h, d] = s.size;
    const c = Math.cos(s.yaw),
      sn = Math.sin(s.yaw);
    const corner = (lx: number, ly: number, lz: number) => project(s.position[0] + lx * c + lz * sn, s.position[1] + ly, s.position[2] - lx * sn + lz * c, cx, cz);
    const steps = s.kind === 'stairs' ? (s.steps ?? 1) : 1;
    for (let k = 0; k < steps; k++) {
      // Stairs: one block per step, each ending at the far side of the flight.
      const z0 = -d / 2 + (d * k) / steps,
        top = (h * (k + 1)) / steps;
      const pts = [corner(-w / 2, 0, z0), corner(-w / 2, top, z0), corner(-w / 2, top, d / 2), corner(w / 2, top, d / 2), corner(w / 2, top, z0), corner(w / 2, 0, z0)];
      out.push(`<polygon points="${pts.map((p) => p.join(',')).join(' ')}" fill="#e5e7eb" stroke="#9ca3af" stroke-width="1"/>`);
    }
  }
  return out.join('');
}

function frameSvg(m: Motion, pos: Float32Array, f: number, scene: readonly SceneItem[], label: string): string {
  const jc = m.skeleton.parents.length;
  const cx = m.rootPos[f * 3]!,
    cz = m.rootPos[f * 3 + 2]!;
  camY = Math.max(0, m.rootPos[f * 3 + 1]! - 1.0);
  const P = (j: number) => project(pos[(f * jc + j) * 3]!, pos[(f * jc + j) * 3 + 1]!, pos[(f * jc + j) * 3 + 2]!, cx, cz);
  const parts: string[] = [];
  const [g0x, g0y] = project(cx - 3, 0, cz, cx, cz),
    [g1x, g1y] = project(cx + 3, 0, cz, cx, cz);
  const [g2x, g2y] = project(cx, 0, cz - 3, cx, cz),
    [g3x, g3y] = project(cx, 0, cz + 3, cx, cz);
  parts.push(`<line x1="${g0x}" y1="${g0y}" x2="${g1x}" y2="${g1y}" stroke="#d1d5db"/><line x1="${g2x}" y1="${g2y}" x2="${g3x}" y2="${g3y}" stroke="#d1d5db"/>`);
  parts.push(sceneSvg(scene, cx, cz));
  for (let j = 1; j < jc; j++) {
    const p = m.skeleton.parents[j]!;
    const name = CANONICAL.names[j]!;
    const col = name.startsWith('left') ? LEFT : name.startsWith('right') ? RIGHT : MID;
    const [ax, ay] = P(p),
      [bx, by] = P(j);
    parts.push(`<line x1="${ax.toFixed(1)}" y1="${ay.toFixed(1)}" x2="${bx.toFixed(1)}" y2="${by.toFixed(1)}" stroke="${col}" stroke-width="3" stroke-linecap="round"/>`);
  }
  const [hx, hy] = P(5),
    [nx, ny] = P(4);
  const hdx = hx + (hx - nx) * 0.9,
    hdy = hy + (hy - ny) * 0.9;
  parts.push(`<circle cx="${hdx.toFixed(1)}" cy="${hdy.toFixed(1)}" r="9" fill="none" stroke="${MID}" stroke-width="2.5"/>`);
  parts.push(`<text x="6" y="16" font-family="sans-serif" font-size="12" fill="#374151">${label}</text>`);
  return parts.join('');
}

async function main(): Promise<void> {
  const want = process.argv.slice(2);
  const names = want.length ? want : Object.keys(SHEETS);
  const dir = new URL('../docs/contact-sheets/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: W * 8, height: H + 24 } });
    for (const name of names) {
      const ids = SHEETS[name];
      if (!ids) throw new Error(`unknown sheet "${name}" (known: ${Object.keys(SHEETS).join(', ')})`);
      const missing = ids.filter((id) => !registryEntry(stepOf(id).action));
      if (missing.length) {
        console.log(`skip ${name}: ${missing.join(', ')} not in the library yet`);
        continue;
      }
      const steps: PlanStep[] = ids.map(stepOf);
      const { motions, scenes } = motionsFromPlan(
        { steps, understood: [], ignored: [], style: { energy: 0, tension: 0, age: 0 } },
        { prompt: name, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 1 },
      );
      const m = motions[0]!;
      const pos = fkAll(m).pos;
      const panels: string[] = [];
      for (let k = 0; k < 8; k++) {
        const f = Math.round((k * (m.frames - 1)) / 7);
        panels.push(
          `<g transform="translate(${k * W},24)"><rect width="${W - 2}" height="${H}" fill="#fff" stroke="#e5e7eb"/>${frameSvg(m, pos, f, scenes[0]!.scene, `${(f / m.fps).toFixed(2)} s`)}</g>`,
        );
      }
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W * 8}" height="${H + 24}"><rect width="100%" height="100%" fill="#f9fafb"/>` +
        `<text x="8" y="17" font-family="sans-serif" font-size="14" font-weight="bold">${ids.join(' → ')} (left limbs blue, right red)</text>${panels.join('')}</svg>`;
      await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
      writeFileSync(`${dir}${name}.png`, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: W * 8, height: H + 24 } }));
      console.log(`wrote docs/contact-sheets/${name}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
