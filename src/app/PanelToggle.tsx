/** Header buttons that collapse and restore the side panels (or open them as drawers on a narrow window). */
import { useLayout } from './layoutStore.ts';

function PanelIcon({ side, open }: { side: 'left' | 'right'; open: boolean }) {
  const x = side === 'left' ? 3 : 15;
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <rect x="3" y="4" width="18" height="16" rx="2.5" />
      <rect x={x} y="4" width="6" height="16" rx="1" fill={open ? 'currentColor' : 'none'} opacity={open ? 0.5 : 1} />
    </svg>
  );
}

export function PanelToggle({ side }: { side: 'left' | 'right' }) {
  const open = useLayout((s) => (side === 'left' ? s.leftOpen : s.rightOpen));
  const toggle = useLayout((s) => (side === 'left' ? s.toggleLeft : s.toggleRight));
  const what = side === 'left' ? 'prompt and jobs panel' : 'inspector panel';
  return (
    <button
      type="button"
      data-testid={`toggle-${side}-panel`}
      aria-controls={`${side}-panel`}
      aria-expanded={open}
      title={`${open ? 'Hide' : 'Show'} the ${what}`}
      aria-label={`${open ? 'Hide' : 'Show'} the ${what}`}
      onClick={toggle}
      className={`grid size-7 place-items-center rounded-md transition-colors hover:bg-white/8 hover:text-fg ${open ? 'text-accent' : 'text-muted'}`}
    >
      <PanelIcon side={side} open={open} />
    </button>
  );
}
