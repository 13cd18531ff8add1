/**
 * Editing and view shortcuts (the transport's are in timeline/usePlaybackShortcuts.ts; help/keyboard.ts lists
 * both): I/O mark a range at the playhead, = / - zoom the lane, Esc closes the dialog then clears ranges,
 * G the variant grid, C A/B compare, V split ↔ toggle, B flip A/B.
 */
import { useEffect } from 'react';
import { useStageView } from '../state/stageView.ts';
import { isTypingTarget } from '../lib/typingTarget.ts';
import { playhead, transport } from '../state/playhead.ts';
import { useEdit } from './editStore.ts';
import { laneCommands } from './laneCommands.ts';
import { normalizeRange } from './ranges.ts';

export function useEditShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // Esc works from inside the dialog's fields too: closing is never destructive.
        const s = useEdit.getState();
        if (s.tool) s.close();
        else if (isTypingTarget(e.target)) return;
        else if (s.markIn !== null || s.ranges.length > 0) s.clearRanges();
        else return;
        e.preventDefault();
        return;
      }
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const { status, fps, duration } = transport.getState();
      const ready = status === 'ready' && duration > 0;
      const view = useStageView.getState();
      const edit = useEdit.getState();
      switch (e.key.toLowerCase()) {
        case 'i':
          if (!ready || view.view !== 'single') return;
          edit.setMarkIn(playhead.time);
          break;
        case 'o': {
          if (!ready || view.view !== 'single') return;
          // Without an in-point, O closes a range from the start of the take.
          const r = normalizeRange(edit.markIn ?? 0, playhead.time, fps, duration);
          if (!r) return;
          edit.addRange(r);
          edit.open('inpaint');
          break;
        }
        case '=':
        case '+':
          laneCommands.zoomBy(1.5);
          break;
        case '-':
        case '_':
          laneCommands.zoomBy(1 / 1.5);
          break;
        case 'g':
          view.setView(view.view === 'grid' ? 'single' : 'grid');
          break;
        case 'c':
          view.setView(view.view === 'split' || view.view === 'toggle' ? 'single' : 'split');
          break;
        case 'v':
          if (view.view === 'split') view.setView('toggle');
          else if (view.view === 'toggle') view.setView('split');
          else return;
          break;
        case 'b':
          if (view.view !== 'toggle') return;
          view.flip();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
