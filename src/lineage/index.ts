/** The lineage feature's public entry: what other features use (they import nothing else of lineage/). */
export { LineagePanel } from './LineagePanel.tsx';
export { nodeSummary } from './nodeSummary.ts';
