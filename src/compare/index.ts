/** The compare feature's public entry: all that other features and app/ may import from compare/. */
export { StageBar } from './StageBar.tsx';
export { StudioStage } from './StudioStage.tsx';
