/** The edit feature's public entry: all that other features and app/ may import from edit/. */
export { EditDialog } from './EditDialog.tsx';
export { EditEffects } from './EditEffects.tsx';
export { EditLane } from './EditLane.tsx';
export { TrackRangeMarks } from './TrackRangeMarks.tsx';
export { estimateCost } from './costEstimate.ts';
export { optimizerChoices } from './editGates.ts';
