/** The viewport feature's public entry: all that other features and app/ may import from viewport/. */
export { LazyClipGrid } from './LazyClipGrid.tsx';
export { ViewportPanel } from './ViewportPanel.tsx';
export type { GridClip } from './clipGridProps.ts';
