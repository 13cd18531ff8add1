import type { ReactNode } from 'react';

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="rounded border border-line-strong bg-raised px-1 py-px font-mono text-[10px] leading-none text-muted">{children}</kbd>;
}
