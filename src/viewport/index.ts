/** The viewport feature's public entry: what other features use (they import nothing else of viewport/). */
export { LazyClipGrid } from './LazyClipGrid.tsx';
export { ViewportPanel } from './ViewportPanel.tsx';
export type { GridClip } from './clipGridProps.ts';
