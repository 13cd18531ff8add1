/**
 * Read-only facts the 3D chunk exposes for tests and the benchmark (through window.__kinema): where the root bone
 * is, how many frames were drawn, when the current clip's first animated frame was drawn. Plain fields written by
 * the render loop; nothing here is rendered by React.
 */
export const viewportProbe = {
  /** World position of the shown subject's root (hips), or null when nothing is shown. */
  rootPosition: null as (() => [number, number, number]) | null,
  /** Animation frames the render loop has drawn since the page loaded (for frame-rate measurements). */
  framesDrawn: 0,
  /** performance.now() when the current subject's first frame with its clip applied was drawn. */
  firstFrameAt: 0,
  /** Key (URL) of the subject that frame belongs to. */
  firstFrameKey: null as string | null,
  /** The scene proxies (stairs, ladder, box…) the viewport shows now, with their world bounds; null when none are mounted. */
  sceneProxies: null as (() => ShownProxy[]) | null,
};

/** One proxy as drawn: its kind, how many boxes make it, and its world-space bounds (metres). */
export interface ShownProxy {
  kind: string;
  parts: number;
  min: [number, number, number];
  max: [number, number, number];
}
