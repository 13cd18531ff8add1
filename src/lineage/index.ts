/** The lineage feature's public entry: all that other features and app/ may import from lineage/. */
export { LineagePanel } from './LineagePanel.tsx';
export { nodeSummary } from './nodeSummary.ts';
