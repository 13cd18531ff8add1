/** Mirrors the selection into `?job=…&variant=…` (replaceState) and follows back/forward navigation. */
import { useEffect } from 'react';
import { useEditor } from '../state/editorStore.ts';
import { formatSelection, parseSelection } from '../state/urlSelection.ts';

export function useSelectionUrlSync(): void {
  useEffect(() => {
    const write = (jobId: string | null, variant: number | null) => {
      const search = formatSelection(window.location.search, { jobId, variant });
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    };
    const s = useEditor.getState();
    write(s.selectedJobId, s.selectedVariant);
    const unsub = useEditor.subscribe((next, prev) => {
      if (next.selectedJobId !== prev.selectedJobId || next.selectedVariant !== prev.selectedVariant) {
        write(next.selectedJobId, next.selectedVariant);
      }
    });
    const onPop = () => {
      const sel = parseSelection(window.location.search);
      useEditor.getState().selectJob(sel.jobId, sel.variant);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsub();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
