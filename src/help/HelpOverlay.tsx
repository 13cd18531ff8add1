/** Keyboard shortcuts, on "?" (or the header's ? button). Esc or a click outside closes it. */
import { useEffect, useState } from 'react';
import { Kbd } from '../ui/Kbd.tsx';
import { XIcon } from '../ui/icons.tsx';
import { useHelp } from './helpStore.ts';
import { isTypingTarget } from '../lib/typingTarget.ts';
import { SHORTCUTS } from './keyboard.ts';

export function HelpOverlay() {
  const open = useHelp((s) => s.open);
  const setOpen = useHelp((s) => s.setOpen);
  const [closeButton, setCloseButton] = useState<HTMLButtonElement | null>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setOpen(!useHelp.getState().open);
      } else if (e.key === 'Escape' && useHelp.getState().open) {
        // Capture phase: Esc closes the help before it reaches the editor's own Esc handling.
        e.preventDefault();
        e.stopImmediatePropagation();
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [setOpen]);

  useEffect(() => closeButton?.focus(), [closeButton]);

  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/55 p-6 backdrop-blur-[2px]" onClick={() => setOpen(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        className="max-h-full w-[min(760px,100%)] overflow-y-auto rounded-xl border border-line-strong bg-panel p-5 shadow-2xl shadow-black/60"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="mb-4 flex items-center justify-between">
          <h2 id="help-title" className="text-[15px] font-semibold">
            Keyboard shortcuts
          </h2>
          <button ref={setCloseButton} type="button" aria-label="Close (Esc)" onClick={() => setOpen(false)} className="rounded p-1 text-faint hover:bg-white/8 hover:text-fg">
            <XIcon />
          </button>
        </header>
        <div className="grid gap-5 sm:grid-cols-3">
          {SHORTCUTS.map((g) => (
            <section key={g.title}>
              <h3 className="panel-title mb-2">{g.title}</h3>
              <dl className="space-y-1.5">
                {g.items.map((s) => (
                  <div key={s.does} className="flex items-start justify-between gap-3 text-[12px]">
                    <dt className="text-muted">{s.does}</dt>
                    <dd className="flex shrink-0 gap-0.5">
                      {s.keys.map((k) => (
                        <Kbd key={k}>{k}</Kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="mt-4 text-[11px] text-faint">Single-key shortcuts are off while typing in a field. Press ? again or Esc to close.</p>
      </div>
    </div>
  );
}
