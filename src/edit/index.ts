/** The edit feature's public entry: what other features use (they import nothing else of edit/). */
export { EditDialog } from './EditDialog.tsx';
export { EditEffects } from './EditEffects.tsx';
export { EditLane } from './EditLane.tsx';
export { TrackRangeMarks } from './TrackRangeMarks.tsx';
export { estimateCost } from './costEstimate.ts';
export { optimizerChoices } from './editGates.ts';
