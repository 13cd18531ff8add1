/**
 * The local renderer's versions of SayMotion's named 2D backdrops. SayMotion's artwork is theirs and not
 * available offline, so each name gets a procedural painting in its spirit (palette and motif), drawn once
 * into a canvas that becomes the scene background. Deterministic: no randomness, so every frame matches.
 */
import type { RENDER_BACKDROPS_2D } from '../../server/contract/api.ts';

export type Backdrop2d = (typeof RENDER_BACKDROPS_2D)[number];

type Motif = 'checker' | 'bricks' | 'spotlight' | 'stripes' | 'planks' | 'skyline' | 'dots' | 'flames' | 'leaves' | 'none';

interface Look {
  top: string;
  bottom: string;
  motif: Motif;
  accent: string;
}

const LOOKS: Record<Backdrop2d, Look> = {
  Checker_Cloudscape: { top: '#8fc6ff', bottom: '#e8f4ff', motif: 'checker', accent: 'rgba(255,255,255,0.45)' },
  Golden_Age_Glitz: { top: '#2a1a05', bottom: '#6b4a12', motif: 'dots', accent: 'rgba(255,214,102,0.55)' },
  Inferno_Stage: { top: '#1a0300', bottom: '#5a1200', motif: 'flames', accent: 'rgba(255,110,20,0.6)' },
  Jungle_Grove: { top: '#0d2a12', bottom: '#2f5a22', motif: 'leaves', accent: 'rgba(120,200,90,0.45)' },
  Mystic_Brick: { top: '#221a2e', bottom: '#3d2f4a', motif: 'bricks', accent: 'rgba(150,110,190,0.35)' },
  Mystic_Concrete: { top: '#2b2f36', bottom: '#4a5059', motif: 'none', accent: 'rgba(160,170,200,0.2)' },
  Rainbow_Spotlight: { top: '#120a1e', bottom: '#2a1638', motif: 'spotlight', accent: 'rainbow' },
  Red_Carpet: { top: '#14070a', bottom: '#5a0f1a', motif: 'stripes', accent: 'rgba(200,30,50,0.5)' },
  Retro_Revue: { top: '#2c1a3d', bottom: '#e36f5a', motif: 'stripes', accent: 'rgba(255,220,150,0.3)' },
  Sakura_Dreamscape: { top: '#f7c6d9', bottom: '#fdeef4', motif: 'dots', accent: 'rgba(235,120,160,0.45)' },
  Spotlit_Stage: { top: '#07080c', bottom: '#23262e', motif: 'spotlight', accent: 'rgba(255,244,214,0.35)' },
  Timbered_Retreat: { top: '#3a2414', bottom: '#7a5432', motif: 'planks', accent: 'rgba(30,15,5,0.45)' },
  Urban_Rooftop: { top: '#1c2a4a', bottom: '#d98c5f', motif: 'skyline', accent: 'rgba(12,14,22,0.9)' },
};

/** Paints the backdrop at the output size (so it is never resampled) and returns the canvas. */
export function paintBackdrop(name: Backdrop2d, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  const look = LOOKS[name];
  const grad = g.createLinearGradient(0, 0, 0, height);
  grad.addColorStop(0, look.top);
  grad.addColorStop(1, look.bottom);
  g.fillStyle = grad;
  g.fillRect(0, 0, width, height);
  drawMotif(g, look, width, height);
  // A soft vignette pulls the eye to the centre, where the character stands.
  const v = g.createRadialGradient(width / 2, height / 2, height * 0.3, width / 2, height / 2, height * 0.95);
  v.addColorStop(0, 'rgba(0,0,0,0)');
  v.addColorStop(1, 'rgba(0,0,0,0.35)');
  g.fillStyle = v;
  g.fillRect(0, 0, width, height);
  return canvas;
}

function drawMotif(g: CanvasRenderingContext2D, look: Look, w: number, h: number): void {
  const u = h / 12; // motif unit scales with the output height
  g.fillStyle = look.accent;
  g.strokeStyle = look.accent;
  switch (look.motif) {
    case 'checker':
      for (let y = 0; y < h; y += u) for (let x = 0; x < w; x += u) if ((x / u + y / u) % 2 === 0) g.fillRect(x, y, u, u);
      break;
    case 'bricks':
      g.lineWidth = Math.max(1, u / 14);
      for (let row = 0, y = 0; y < h; y += u / 2, row++) {
        g.strokeRect(-1, y, w + 2, u / 2);
        for (let x = row % 2 ? u / 2 : 0; x < w; x += u) g.fillRect(x, y, Math.max(1, u / 14), u / 2);
      }
      break;
    case 'spotlight': {
      const colours =
        look.accent === 'rainbow' ? ['rgba(255,60,60,0.3)', 'rgba(255,200,40,0.3)', 'rgba(60,220,90,0.3)', 'rgba(60,140,255,0.3)', 'rgba(190,80,255,0.3)'] : [look.accent];
      colours.forEach((c, i) => {
        const x = w * ((i + 1) / (colours.length + 1));
        g.fillStyle = c;
        g.beginPath();
        g.moveTo(x - u * 0.3, 0);
        g.lineTo(x + u * 0.3, 0);
        g.lineTo(w / 2 + (x - w / 2) * 0.4 + u * 2.2, h);
        g.lineTo(w / 2 + (x - w / 2) * 0.4 - u * 2.2, h);
        g.closePath();
        g.fill();
      });
      break;
    }
    case 'stripes':
      for (let x = 0; x < w; x += u * 1.5) g.fillRect(x, 0, u * 0.6, h);
      break;
    case 'planks':
      g.lineWidth = Math.max(1, u / 10);
      for (let x = 0; x < w; x += u * 1.2) g.fillRect(x, 0, Math.max(1, u / 12), h);
      break;
    case 'skyline':
      for (let i = 0, x = 0; x < w; i++) {
        const bw = u * (1 + ((i * 7) % 5) * 0.35);
        const bh = h * (0.25 + ((i * 11) % 7) * 0.06);
        g.fillRect(x, h - bh, bw - u * 0.1, bh);
        x += bw;
      }
      break;
    case 'dots':
      for (let y = u / 2, r = 0; y < h; y += u, r++) {
        for (let x = r % 2 ? u : u / 2; x < w; x += u) {
          g.beginPath();
          g.arc(x, y, u * 0.12, 0, Math.PI * 2);
          g.fill();
        }
      }
      break;
    case 'flames':
      for (let x = 0, i = 0; x < w; x += u * 0.8, i++) {
        const fh = h * (0.2 + ((i * 5) % 7) * 0.05);
        g.beginPath();
        g.moveTo(x, h);
        g.quadraticCurveTo(x + u * 0.1, h - fh * 0.6, x + u * 0.4, h - fh);
        g.quadraticCurveTo(x + u * 0.7, h - fh * 0.6, x + u * 0.8, h);
        g.fill();
      }
      break;
    case 'leaves':
      for (let i = 0; i < 40; i++) {
        const x = (((i * 97) % 101) / 101) * w;
        const y = (((i * 53) % 89) / 89) * h * 0.8;
        g.beginPath();
        g.ellipse(x, y, u * 0.9, u * 0.3, (i % 6) * 0.5, 0, Math.PI * 2);
        g.fill();
      }
      break;
    case 'none':
      break;
  }
}
