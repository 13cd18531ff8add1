/** Side effects of the editing features, in one leaf component so they never re-render the layout. */
import { useEffect } from 'react';
import { useStageViewUrlSync } from '../state/useStageViewUrlSync.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { useEdit } from './editStore.ts';
import { useEditShortcuts } from './useEditShortcuts.ts';

export function EditEffects() {
  useEditShortcuts();
  useStageViewUrlSync();
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const key = job && variant ? `${job.id}#${variant.index}` : null;
  // Ranges and marks are drawn on one take; another take starts clean.
  useEffect(() => useEdit.getState().bindClip(key), [key]);
  return null;
}
