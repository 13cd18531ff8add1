/** App-wide side effects in one leaf component, so their re-renders never re-render the layout. */
import { useEffect } from 'react';
import { useJobEventStream } from '../jobs/useJobEventStream.ts';
import { useSelectedJob } from '../jobs/useSelectedJob.ts';
import { installTestHandle } from '../state/testHandle.ts';
import { usePlaybackShortcuts } from '../timeline/usePlaybackShortcuts.ts';
import { useAutoSelectLatest } from './useAutoSelectLatest.ts';
import { useSelectionUrlSync } from './useSelectionUrlSync.ts';

export function AppEffects() {
  useJobEventStream();
  useSelectionUrlSync();
  useAutoSelectLatest();
  const { job } = useSelectedJob();
  usePlaybackShortcuts(job?.variants.length ?? 0);
  useEffect(() => installTestHandle(), []);
  return null;
}
