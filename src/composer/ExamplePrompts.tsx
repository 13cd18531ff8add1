import { useEditor } from '../state/editorStore.ts';
import { EXAMPLE_PROMPTS, focusPrompt } from './examplePrompts.ts';

/** Clickable example prompts; clicking one fills the composer (it does not submit). */
export function ExamplePrompts({ className = '' }: { className?: string }) {
  const setComposer = useEditor((s) => s.setComposer);
  return (
    <ul className={`flex flex-wrap gap-1.5 ${className}`} aria-label="Example prompts">
      {EXAMPLE_PROMPTS.map((p) => (
        <li key={p}>
          <button
            type="button"
            data-testid="example-prompt"
            onClick={() => {
              setComposer({ prompt: p });
              requestAnimationFrame(focusPrompt);
            }}
            className="rounded-full border border-line bg-raised px-2.5 py-1 text-left text-[12px] text-muted transition-colors hover:border-accent/60 hover:text-fg"
          >
            {p}
          </button>
        </li>
      ))}
    </ul>
  );
}
