/** App-wide side effects in one leaf component, so their re-renders never re-render the layout. */
import { useEffect } from 'react';
import { useJobEventStream } from '../jobs/index.ts';
import { useSelectedJob } from '../state/useSelectedJob.ts';
import { TEST_PROBES } from '../lib/testProbes.ts';
import { installTestHandle } from './testHandle.ts';
import { useEditor } from '../state/editorStore.ts';
import { localFiles, useLocalFiles } from '../dropzone/index.ts';
import { usePlaybackShortcuts } from '../timeline/index.ts';
import { useAutoSelectLatest } from './useAutoSelectLatest.ts';
import { useSelectionUrlSync } from './useSelectionUrlSync.ts';

export function AppEffects() {
  useJobEventStream();
  useSelectionUrlSync();
  useAutoSelectLatest();
  const { job } = useSelectedJob();
  usePlaybackShortcuts(job?.variants.length ?? 0);
  // Test builds only: the constant is false in production, so the handle and its module are dropped from dist/.
  useEffect(() => (TEST_PROBES ? installTestHandle() : undefined), []);
  // Picking a job shows that job: a character preview always steps aside, and so does a dropped file once the
  // user moves from one job to another (the studio's own first pick of the newest job does not count).
  useEffect(
    () =>
      useEditor.subscribe((s, prev) => {
        const file = useLocalFiles.getState().file;
        if (!file || s.selectedJobId === prev.selectedJobId || s.selectedJobId === null) return;
        if (file.origin === 'character' || prev.selectedJobId !== null) localFiles.close();
      }),
    [],
  );
  return null;
}
