/** The compare feature's public entry: what other features use (they import nothing else of compare/). */
export { StageBar } from './StageBar.tsx';
export { StudioStage } from './StudioStage.tsx';
