/**
 * Studio keyboard shortcuts, active unless the user is typing in a field:
 * Space play/pause · ←/→ one frame (Shift: 10) · Home/End · J/K/L shuttle · Shift+L loop/once/ping-pong · [ ] play range · F reset view ·
 * 1–8 select variant. The help overlay (help/keyboard.ts) lists them all.
 */
import { useEffect } from 'react';
import { useEditor } from '../state/editorStore.ts';
import { playhead, transport } from '../state/playhead.ts';
import { viewportCommands } from '../state/viewportCommands.ts';
import { NOT_TYPING_INPUTS, isTypingTarget } from '../lib/typingTarget.ts';
import { shuttle } from './shuttle.ts';

// Playback keys also stay off while a colour input has focus (as they always have; edit shortcuts do not).
const PLAYBACK_NOT_TYPING = NOT_TYPING_INPUTS.filter((t) => t !== 'color');

export function usePlaybackShortcuts(variantCount: number): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target, PLAYBACK_NOT_TYPING)) return;
      const ready = transport.getState().status === 'ready';
      let handled = true;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          // Also stops a focused button from being "clicked" by the same Space press.
          if (ready) playhead.toggle();
          break;
        case 'ArrowLeft':
          if (ready) playhead.step(e.shiftKey ? -10 : -1);
          break;
        case 'ArrowRight':
          if (ready) playhead.step(e.shiftKey ? 10 : 1);
          break;
        case 'Home':
          if (ready) playhead.seek(0);
          break;
        case 'End':
          if (ready) playhead.seek(transport.getState().duration);
          break;
        case 'j':
        case 'J':
          if (ready) shuttle.press('j');
          break;
        case 'k':
        case 'K':
          if (ready) shuttle.press('k');
          break;
        case 'l':
        case 'L':
          // Plain L is the NLE shuttle (J/K/L); Shift+L keeps loop on/off one key away.
          if (e.shiftKey) playhead.cycleMode();
          else if (ready) shuttle.press('l');
          break;
        case '[':
          playhead.markIn();
          break;
        case ']':
          playhead.markOut();
          break;
        case 'f':
        case 'F':
          viewportCommands.frame();
          break;
        default: {
          const n = Number(e.key);
          if (Number.isInteger(n) && n >= 1 && n <= Math.min(8, variantCount)) useEditor.getState().selectVariant(n);
          else handled = false;
        }
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [variantCount]);
}
