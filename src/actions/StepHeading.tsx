/** A numbered step of the character-and-actions flow, with an optional note on the right. */
import type { ReactNode } from 'react';

export function StepHeading({ step, title, aside }: { step: number; title: string; aside?: ReactNode }) {
  return (
    <header className="mb-2 flex items-center gap-2">
      <span aria-hidden className="grid size-4 place-items-center rounded-full bg-accent/20 font-mono text-[10px] font-semibold text-accent">
        {step}
      </span>
      <h3 className="panel-title">{title}</h3>
      {aside && <span className="ml-auto text-[11px] text-faint">{aside}</span>}
    </header>
  );
}
