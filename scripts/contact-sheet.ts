/**
 * Contact sheets: 8 evenly spaced frames of an action as stick figures (front and side view), drawn as
 * SVG and rasterised to PNG by headless Chromium (playwright-core, as the video renderer does), so an
 * action can be judged by eye. Usage:
 *   npx tsx scripts/contact-sheet.ts <outDir> <action>[,<action>…][:side=L|R][:count=N] …
 * Each argument is one sheet; several actions joined by "," play in sequence ("fallBackward,getUp").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { clipOf } from '../server/engine/eval/metrics.ts';
import type { PlanStep } from '../server/engine/prompt/plan.ts';
import { motionsFromPlan } from '../server/engine/text2motion.ts';

const FRAMES = 8, CELL = 190, H = 230;

function parseArg(arg: string): { name: string; steps: PlanStep[] } {
  const [ids, ...opts] = arg.split(':');
  const o = Object.fromEntries(opts.map((s) => s.split('=') as [string, string]));
  const steps = ids!.split(',').map((action): PlanStep => ({
    action, label: action, with: [],
    ...(o.side ? { side: o.side === 'L' ? 0 : 1 } : {}),
    ...(o.count ? { count: Number(o.count) } : {}),
  }));
  return { name: ids!.replace(/,/g, '+') + (o.side ? `-${o.side}` : ''), steps };
}

function sheetSvg(name: string, steps: PlanStep[]): string {
  const plan = { steps, understood: [], ignored: [], style: { energy: 0, tension: 0, age: 0 } };
  const { motions } = motionsFromPlan(plan, { prompt: name, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 3 });
  const m = motions[0]!;
  const c = clipOf(m);
  const par = m.skeleton.parents;
  const P = (f: number, j: number, k: number): number => c.pos[(f * c.joints + j) * 3 + k]!;
  // One scale for the whole sheet: 1 m = 95 px; each cell is centred on that frame's hips.
  const s = 95;
  let body = '';
  for (let i = 0; i < FRAMES; i++) {
    const f = Math.round((i / (FRAMES - 1)) * (m.frames - 1));
    const hx = P(f, 0, 0), hz = P(f, 0, 2);
    for (const [view, oy] of [['front', 0], ['side', H]] as const) {
      const cx = i * CELL + CELL / 2, floor = oy + H - 20;
      body += `<line x1="${i * CELL + 8}" y1="${floor}" x2="${(i + 1) * CELL - 8}" y2="${floor}" stroke="#bbb"/>`;
      for (let j = 1; j < c.joints; j++) {
        const p = par[j]!;
        if (p < 0) continue;
        // Front view looks at the character's front (its left on screen right); side view looks from its right.
        const X = (jj: number): number => cx + (view === "front" ? (P(f, jj, 0) - hx) : (P(f, jj, 2) - hz)) * s;
        const Y = (jj: number): number => floor - P(f, jj, 1) * s;
        const name = m.skeleton.names[j]!;
        const col = name.startsWith('left') ? '#1d6fd6' : name.startsWith('right') ? '#d63a1d' : '#222';
        body += `<line x1="${X(p).toFixed(1)}" y1="${Y(p).toFixed(1)}" x2="${X(j).toFixed(1)}" y2="${Y(j).toFixed(1)}" stroke="${col}" stroke-width="3" stroke-linecap="round"/>`;
      }
      const head = m.skeleton.names.indexOf('head');
      if (head >= 0) {
        const X = cx + (view === "front" ? (P(f, head, 0) - hx) : (P(f, head, 2) - hz)) * s, Y = floor - P(f, head, 1) * s;
        body += `<circle cx="${X.toFixed(1)}" cy="${(Y - 8).toFixed(1)}" r="9" fill="none" stroke="#222" stroke-width="2.5"/>`;
      }
      body += `<text x="${i * CELL + 6}" y="${oy + 14}" font-size="11" fill="#666">${view} t=${(f / m.fps).toFixed(2)}s</text>`;
    }
  }
  const W = CELL * FRAMES;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${2 * H + 24}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="8" y="${2 * H + 18}" font-size="14" font-family="sans-serif">${name} — ${m.frames} frames at ${m.fps} fps (blue = left, red = right)</text>${body}</svg>`;
}

async function main(): Promise<void> {
  const [outDir, ...args] = process.argv.slice(2);
  if (!outDir || args.length === 0) throw new Error('usage: contact-sheet.ts <outDir> <action>[,<action>…][:side=L][:count=N] …');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage();
    for (const a of args) {
      const { name, steps } = parseArg(a);
      const svg = sheetSvg(name, steps);
      await page.setViewportSize({ width: CELL * FRAMES, height: 2 * H + 24 });
      await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
      const file = join(outDir, `${name}.png`);
      writeFileSync(file, await page.screenshot({ type: 'png' }));
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

await main();
