import { useNotices } from '../state/notices.ts';
import { XIcon } from '../ui/icons.tsx';

/** Toasts, bottom right. Errors stay longer than info. */
export function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto flex gap-2 rounded-lg border p-3 shadow-xl shadow-black/50 ${
            n.tone === 'error' ? 'border-red-500/35 bg-[#1f1315]' : 'border-line bg-raised'
          }`}
        >
          <div className="min-w-0 flex-1">
            <p className={`text-[13px] font-medium ${n.tone === 'error' ? 'text-red-200' : 'text-fg'}`}>{n.title}</p>
            {n.detail && <p className="mt-0.5 text-[12px] text-muted">{n.detail}</p>}
          </div>
          <button type="button" aria-label="Dismiss" className="self-start text-faint hover:text-fg" onClick={() => dismiss(n.id)}>
            <XIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
