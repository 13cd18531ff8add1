/**
 * Picks renderer settings for the machine: on software WebGL (SwiftShader in VMs, remote desktops, headless CI)
 * multisampling and high pixel ratios cost more than they are worth, so they are turned down there. Detected once
 * with the standard `failIfMajorPerformanceCaveat` flag, on a throwaway context released right away.
 */
export interface RenderQuality {
  antialias: boolean;
  dpr: [number, number];
}

let cached: RenderQuality | null = null;

export function renderQuality(): RenderQuality {
  if (cached) return cached;
  let software = false;
  try {
    const probe = document.createElement('canvas');
    const fast = probe.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    software = fast === null && probe.getContext('webgl2') !== null;
    (fast ?? (probe.getContext('webgl2') as WebGL2RenderingContext | null))?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    software = false;
  }
  cached = software ? { antialias: false, dpr: [1, 1] } : { antialias: true, dpr: [1, 2] };
  return cached;
}
