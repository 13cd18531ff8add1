/**
 * Prompt optimiser: rewrites the prompt as actionable sub-prompts (one action each) that the user can accept.
 * The server's rule-based optimiser is always there; SayMotion's is offered when that provider has it.
 * Accepting replaces the prompt with the chosen suggestions in order, joined by "then" (how the engines
 * read sequences), so the next Generate uses them.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, describeError } from '../api/client.ts';
import { providersQuery } from '../api/queries.ts';
import { optimizerChoices } from '../edit/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { SparkIcon } from '../ui/icons.tsx';
import { joinSuggestions } from './joinSuggestions.ts';

export function PromptOptimizer() {
  const prompt = useEditor((s) => s.composer.prompt);
  const composerProvider = useEditor((s) => s.composer.provider);
  const setComposer = useEditor((s) => s.setComposer);
  const providers = useQuery(providersQuery());
  const choices = optimizerChoices(providers.data);
  const preferred = choices.find((c) => c.provider === composerProvider && c.available)?.provider ?? 'local';
  const [picked, setPicked] = useState<'local' | 'saymotion' | null>(null);
  const optimizer = picked && choices.find((c) => c.provider === picked)?.available ? picked : preferred;
  const [chosen, setChosen] = useState<boolean[]>([]);

  const run = useMutation({
    mutationKey: ['prompt', 'optimize'],
    mutationFn: (body: { provider: 'local' | 'saymotion'; prompt: string }) => api.optimizePrompt(body),
    onSuccess: (r) => setChosen(r.suggestions.map(() => true)),
  });
  const suggestions = run.data?.suggestions ?? [];

  const accept = (list: string[]) => {
    if (list.length === 0) return;
    setComposer({ prompt: joinSuggestions(list) });
    run.reset();
  };

  return (
    <div className="mt-1.5">
      <div className="flex items-center gap-1.5">
        <Button
          size="xs"
          variant="ghost"
          className="-ml-2"
          data-testid="optimize-button"
          disabled={run.isPending || !prompt.trim()}
          title={prompt.trim() ? 'Split the prompt into one action per line, phrased the way motion models read best' : 'Write a prompt first'}
          onClick={() => run.mutate({ provider: optimizer, prompt })}
        >
          {run.isPending ? <Spinner size={12} /> : <SparkIcon width={12} height={12} />}
          Optimise prompt
        </Button>
        <label className="sr-only" htmlFor="optimizer-select">
          Optimiser
        </label>
        <select
          id="optimizer-select"
          data-testid="optimizer-select"
          value={optimizer}
          onChange={(e) => setPicked(e.target.value as 'local' | 'saymotion')}
          className="h-6 min-w-0 max-w-[9rem] rounded border border-line bg-sunken px-1 text-[11px] text-muted outline-none hover:border-line-strong focus:border-accent"
        >
          {choices.map((c) => (
            <option key={c.provider} value={c.provider} disabled={!c.available} title={c.reason ?? undefined}>
              {c.label}
              {c.available ? '' : ' (unavailable)'}
            </option>
          ))}
        </select>
      </div>

      {run.isError && (
        <p role="alert" data-testid="optimize-error" className="mt-1 text-[11px] text-red-300">
          {describeError(run.error)}
        </p>
      )}

      {run.isSuccess && (
        <div data-testid="optimize-suggestions" className="mt-1.5 rounded-md border border-line bg-raised p-2">
          {suggestions.length === 0 ? (
            <p className="text-[12px] text-faint">No actions found to suggest. Try verbs like walk, turn, wave, jump or sit.</p>
          ) : (
            <>
              <p className="mb-1.5 text-[11px] text-muted">
                {suggestions.length === 1 ? 'Suggested wording' : `${suggestions.length} actions, in order`} · {run.data.provider === 'local' ? 'local rules' : 'SayMotion'}
              </p>
              <ol className="space-y-1">
                {suggestions.map((s, i) => (
                  <li key={`${i}-${s}`} className="flex items-start gap-2 text-[12px]">
                    <input
                      type="checkbox"
                      aria-label={`Keep “${s}”`}
                      data-testid="suggestion-check"
                      className="mt-0.5 accent-[var(--color-accent)]"
                      checked={chosen[i] ?? true}
                      onChange={(e) => setChosen((c) => c.map((v, k) => (k === i ? e.target.checked : v)))}
                    />
                    <span className="min-w-0 flex-1 text-fg" data-testid="suggestion">
                      {s}
                    </span>
                    <button type="button" className="shrink-0 text-[11px] text-accent hover:underline" onClick={() => accept([s])} title="Use only this one">
                      Use
                    </button>
                  </li>
                ))}
              </ol>
              <div className="mt-2 flex gap-1.5">
                <Button
                  size="xs"
                  variant="primary"
                  data-testid="accept-suggestions"
                  disabled={!chosen.some(Boolean)}
                  onClick={() => accept(suggestions.filter((_, i) => chosen[i] ?? true))}
                >
                  Use selected
                </Button>
                <Button size="xs" variant="ghost" onClick={() => run.reset()}>
                  Dismiss
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
