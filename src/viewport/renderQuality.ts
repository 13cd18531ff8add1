/**
 * Picks renderer settings for the machine: on software WebGL (SwiftShader in VMs, remote desktops, headless CI)
 * multisampling and high pixel ratios cost more than they are worth, so they are turned down there. Detected once
 * from the renderer's name on a throwaway context released right away (`failIfMajorPerformanceCaveat` does not
 * flag Chromium's SwiftShader).
 */
export interface RenderQuality {
  /** Software WebGL detected: every per-pixel cost counts. */
  software: boolean;
  antialias: boolean;
  dpr: [number, number];
  /** R3F's shadows prop: filtered (PCF) on GPUs, single-tap on software GL. */
  shadows: 'percentage' | 'basic';
}

let cached: RenderQuality | null = null;

export function renderQuality(): RenderQuality {
  if (cached) return cached;
  let software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    software = false;
  }
  cached = software ? { software, antialias: false, dpr: [1, 1], shadows: 'basic' } : { software, antialias: true, dpr: [1, 2], shadows: 'percentage' };
  return cached;
}
