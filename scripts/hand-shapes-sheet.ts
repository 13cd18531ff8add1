/**
 * Contact sheet of the engine's hand shapes on the procedural mannequin, rendered by three.js in Chromium:
 * `node --import tsx scripts/hand-shapes-sheet.ts [out.png]` (default docs/hand-shapes.png).
 * Each shape is exported as a one-frame GLB by the engine (the same exporter users download), loaded with
 * three's GLTFLoader in a page served from this repository's node_modules, and drawn in three close-ups
 * of the left hand (T-pose, palm down): from the front (thumb side), from above and outside, and from
 * below (the palm).
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CANONICAL_SKELETON, HAND_SHAPES, applyHandShape, exportGlb } from '../server/engine/index.ts';
import { createMotion } from '../server/engine/core/motion.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/hand-shapes.png'));

const glbs = new Map<string, Uint8Array>();
for (const shape of HAND_SHAPES) {
  const m = createMotion(2, 30);
  for (let f = 0; f < 2; f++) for (const side of [0, 1] as const) applyHandShape(m.rot, CANONICAL_SKELETON, f, side, shape, 1);
  m.rootPos.set([0, 0.97, 0, 0, 0.97, 0]);
  glbs.set(shape, await exportGlb(m));
}

const PAGE = `<!doctype html><html><head><style>
body { margin: 0; background: #1d1f24; font: 14px system-ui, sans-serif; color: #e8e8ea; }
#grid { display: grid; grid-template-columns: repeat(${HAND_SHAPES.length}, 200px); }
.label { text-align: center; padding: 6px 0; }
</style>
<script type="importmap">{ "imports": { "three": "/node_modules/three/build/three.module.js", "three/addons/": "/node_modules/three/examples/jsm/" } }</script>
</head><body><div id="grid"></div><canvas id="c" width="${HAND_SHAPES.length * 200}" height="600"></canvas>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
const shapes = ${JSON.stringify(HAND_SHAPES)};
const grid = document.getElementById('grid');
for (const s of shapes) { const d = document.createElement('div'); d.className = 'label'; d.textContent = s; grid.appendChild(d); }
const canvas = document.getElementById('c');
const renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
renderer.setScissorTest(true);
const loader = new GLTFLoader();
const scenes = [];
for (const s of shapes) {
  const gltf = await loader.loadAsync('/glb/' + s + '.glb');
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0x2a2d34);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x444450, 1.6));
  const sun = new THREE.DirectionalLight(0xffffff, 2.2); sun.position.set(1, 2, 3); scene.add(sun);
  scene.add(gltf.scene);
  const mixer = new THREE.AnimationMixer(gltf.scene);
  mixer.clipAction(gltf.animations[0]).play();
  mixer.update(0);
  gltf.scene.updateMatrixWorld(true);
  scenes.push(scene);
}
// The left hand sits at x ≈ 0.66–0.86, y ≈ 1.41 in the T-pose; its palm faces down and the thumb forward (+Z).
const views = [
  { pos: [0.78, 1.37, 0.52], at: [0.765, 1.39, 0.0] },
  { pos: [1.0, 1.68, 0.36], at: [0.765, 1.40, 0.0] },
  { pos: [0.765, 0.95, 0.04], at: [0.765, 1.40, 0.0], up: [0, 0, 1] },
];
views.forEach((v, row) => {
  const cam = new THREE.PerspectiveCamera(30, 1, 0.01, 10);
  cam.position.fromArray(v.pos);
  if (v.up) cam.up.fromArray(v.up);
  cam.lookAt(new THREE.Vector3().fromArray(v.at));
  scenes.forEach((scene, i) => {
    renderer.setViewport(i * 200, (views.length - 1 - row) * 200, 200, 200);
    renderer.setScissor(i * 200, (views.length - 1 - row) * 200, 200, 200);
    renderer.render(scene, cam);
  });
});
window.__done = true;
</script></body></html>`;

const server = http.createServer((req, res) => {
  const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
    return;
  }
  const glb = /^\/glb\/(\w+)\.glb$/.exec(url);
  if (glb && glbs.has(glb[1]!)) {
    res.writeHead(200, { 'content-type': 'model/gltf-binary' });
    res.end(glbs.get(glb[1]!));
    return;
  }
  // Only three's own files, from this repository's node_modules.
  const file = path.join(ROOT, url);
  if (!url.startsWith('/node_modules/three/') || !file.startsWith(path.join(ROOT, 'node_modules/three/')) || !fs.existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/javascript' });
  res.end(fs.readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: HAND_SHAPES.length * 200, height: 640 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, null, { timeout: 60_000 });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  server.close();
}
