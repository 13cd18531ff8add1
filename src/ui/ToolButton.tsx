import type { ReactNode } from 'react';

/**
 * A small labelled toolbar button (the label is its tooltip and accessible name). A click never takes keyboard
 * focus, so Space keeps meaning play/pause rather than "click the focused button". `active` makes it a toggle.
 */
export function ToolButton(p: { label: string; testId: string; disabled: boolean; onClick: () => void; className: string; active?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      title={p.label}
      aria-label={p.label}
      data-testid={p.testId}
      disabled={p.disabled}
      aria-pressed={p.active}
      onClick={p.onClick}
      onMouseDown={(e) => e.preventDefault()}
      className={p.className}
    >
      {p.children}
    </button>
  );
}
