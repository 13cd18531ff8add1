/**
 * Live parse preview under the prompt: how the local engine reads what is being typed, before anything is
 * generated — one chip per planned action, ignored words struck through, and, when nothing or only part is
 * understood, a warning with the nearest library actions (click to put one in the prompt) and SayMotion
 * when the server has it configured. With nothing understood, Generate waits for an explicit "idle takes" choice.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client.ts';
import { providersQuery } from '../api/queries.ts';
import { useDebouncedValue } from '../lib/useDebouncedValue.ts';
import { useEditor } from '../state/editorStore.ts';
import { applySuggestion } from './applySuggestion.ts';
import { useParsePreview } from './parsePreviewStore.ts';

/** Typing pause before the preview asks the server (the parse itself takes well under a millisecond). */
const DEBOUNCE_MS = 250;

export function ParsePreview() {
  const prompt = useEditor((s) => s.composer.prompt);
  const provider = useEditor((s) => s.composer.provider);
  const setComposer = useEditor((s) => s.setComposer);
  const debounced = useDebouncedValue(prompt, DEBOUNCE_MS);
  const providers = useQuery(providersQuery());
  const sayMotionReady = !!providers.data?.find((p) => p.id === 'saymotion' && p.configured);
  const active = provider === 'local' && debounced.trim() !== '';
  const reading = useQuery({
    queryKey: ['prompt', 'parse', debounced],
    queryFn: ({ signal }) => api.parsePrompt(debounced, signal),
    enabled: active,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const setReading = useParsePreview((s) => s.setReading);
  const acceptIdle = useParsePreview((s) => s.acceptIdle);
  const setAcceptIdle = useParsePreview((s) => s.setAcceptIdle);
  const fresh = reading.data && !reading.isPlaceholderData && debounced === prompt ? reading.data : null;
  useEffect(() => setReading(prompt, fresh?.understanding ?? null), [prompt, fresh, setReading]);

  if (!active || !reading.data) return null;
  const r = reading.data;
  const nothing = r.understanding === 'nothing';
  // Words of an unread clause appear in the warning; struck-through words are the ones that change nothing else.
  const unreadWords = new Set(r.notUnderstood.flatMap((n) => n.text.split(/\s+/)));
  const ignored = r.ignored.filter((w) => !unreadWords.has(w));
  return (
    <div className="mt-1.5 space-y-1.5" data-testid="parse-preview" data-understanding={r.understanding} aria-live="polite">
      {(r.steps.length > 0 || ignored.length > 0) && (
        <ul className="flex flex-wrap items-center gap-1" aria-label="How the local engine reads the prompt">
          {r.steps.map((s, i) => (
            <li
              key={`${s.action}-${i}`}
              data-testid="parse-chip"
              data-action={s.action}
              title={s.label}
              className="rounded bg-emerald-500/12 px-1.5 py-0.5 text-[11px] text-emerald-200 ring-1 ring-emerald-400/20 ring-inset"
            >
              {i > 0 && <span className="mr-1 text-faint">→</span>}
              {s.label}
              {s.with.map((w) => (
                <span key={w.action} className="ml-1 text-emerald-300/80">
                  + {w.label}
                </span>
              ))}
            </li>
          ))}
          {ignored.map((w) => (
            <li
              key={`ignored-${w}`}
              data-testid="parse-ignored"
              title="Ignored: changes nothing in the motion"
              className="px-0.5 text-[11px] text-faint line-through decoration-faint/60"
            >
              {w}
            </li>
          ))}
        </ul>
      )}
      {r.alternatives.length > 0 && (
        <p className="text-[11px] text-faint" data-testid="parse-alternatives">
          {r.alternatives.map((a) => `“${a.text}” read as ${a.chosen.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} (could also mean ${a.alternative})`).join('; ')}
        </p>
      )}
      {r.notUnderstood.length > 0 && (
        <div role="status" data-testid="parse-warning" className="rounded-md border border-amber-500/30 bg-amber-500/10 px-2.5 py-2 text-[12px] text-amber-100">
          <p className="font-medium">{nothing ? 'The local engine understands no action in this prompt.' : 'Part of this prompt will be left out.'}</p>
          {r.notUnderstood.map((n, i) => (
            <div key={`${n.text}-${i}`} className="mt-1">
              <p className="text-amber-200/80">
                Not understood: <span className="text-amber-100">“{n.text}”</span>. Nearest library actions:
              </p>
              <div className="mt-1 flex flex-wrap gap-1">
                {n.suggestions.map((sg) => (
                  <button
                    key={sg.action}
                    type="button"
                    data-testid="parse-suggestion"
                    data-action={sg.action}
                    title={`Use “${sg.phrase}”`}
                    className="rounded border border-amber-400/30 px-1.5 py-0.5 text-[11px] text-amber-100 hover:border-amber-300 hover:bg-amber-400/10"
                    onClick={() => setComposer({ prompt: applySuggestion(prompt, n.text, sg.phrase, nothing) })}
                  >
                    {sg.label}
                  </button>
                ))}
              </div>
            </div>
          ))}
          {sayMotionReady && (
            <button
              type="button"
              data-testid="parse-use-saymotion"
              className="mt-1.5 text-[11px] text-accent hover:underline"
              onClick={() => setComposer({ provider: 'saymotion' })}
            >
              Generate with SayMotion instead (it reads free text)
            </button>
          )}
          {nothing && (
            <label className="mt-1.5 flex items-center gap-1.5 text-[11px] text-amber-200/90">
              <input type="checkbox" data-testid="accept-idle" className="accent-[var(--color-accent)]" checked={acceptIdle} onChange={(e) => setAcceptIdle(e.target.checked)} />
              Generate standing-idle takes anyway
            </label>
          )}
        </div>
      )}
    </div>
  );
}
