import { ExamplePrompts } from '../composer/index.ts';
import { SparkIcon } from '../ui/icons.tsx';

/** First run: no jobs yet. Says what the studio does and offers prompts to start from. */
export function EmptyState() {
  return (
    <div data-testid="empty-state" className="pointer-events-auto max-w-md rounded-xl border border-line bg-panel/90 p-5 shadow-2xl shadow-black/50 backdrop-blur">
      <div className="mb-2 flex items-center gap-2 text-accent">
        <SparkIcon />
        <h2 className="text-[15px] font-semibold text-fg">Describe a motion to get started</h2>
      </div>
      <p className="text-[13px] text-muted">
        Write what the character should do, in plain words. Kinema generates several takes, plays them here, and tells you which parts of the prompt it understood. Try one of
        these:
      </p>
      <ExamplePrompts className="mt-3" />
      <p className="mt-3 text-[11px] text-faint">
        Then press <span className="text-muted">Generate</span> or Ctrl+Enter in the prompt.
      </p>
    </div>
  );
}
