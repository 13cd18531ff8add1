/** The actions feature's public entry: all that other features and app/ may import from actions/. */
export { ActionJobSettings } from './ActionJobSettings.tsx';
export { ActionJobSummary } from './ActionJobSummary.tsx';
export { ActionJobTitle } from './ActionJobTitle.tsx';
export { ClipPicker } from './ClipPicker.tsx';
export { CreatePanel } from './CreatePanel.tsx';
export { actionResultSummary, isActionJob } from './actionJobText.ts';
export { openActionJob } from './openActionJob.ts';
export { useVariantLabels } from './useVariantLabels.ts';
