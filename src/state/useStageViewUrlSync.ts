/** Mirrors the stage view into `?view=&show=&vs=` (next to ?job=&variant=) and follows back/forward. */
import { useEffect } from 'react';
import { useStageView } from './stageView.ts';
import { formatViewParams, parseViewParams } from './viewParams.ts';
import type { ViewParams } from './viewParams.ts';

export function useStageViewUrlSync(): void {
  useEffect(() => {
    const write = (p: ViewParams) => {
      const search = formatViewParams(window.location.search, p);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    };
    write(useStageView.getState());
    const unsub = useStageView.subscribe((next, prev) => {
      if (next.view !== prev.view || next.show !== prev.show || next.against !== prev.against) write(next);
    });
    const onPop = () => useStageView.getState().restore(parseViewParams(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => {
      unsub();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
