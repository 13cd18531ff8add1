/** A sentence in place of a view that cannot show anything yet, saying why and what to do. */
import type { ReactNode } from 'react';
import { Spinner } from '../ui/Spinner.tsx';

export function StageMessage({ children, pending = false }: { children: ReactNode; pending?: boolean }) {
  return (
    <div data-testid="stage-message" className="grid h-full place-items-center bg-[#14161a] p-6">
      <p className="flex max-w-md items-center gap-2 text-center text-[13px] text-muted">
        {pending && <Spinner size={14} />}
        {children}
      </p>
    </div>
  );
}
