/** Provider and character pickers. Providers without credentials are listed but cannot be chosen. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ProviderId } from '../../server/contract/api.ts';
import { describeError } from '../api/client.ts';
import { charactersQuery, providersQuery } from '../api/queries.ts';
import { localFiles } from '../dropzone/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { FieldError } from './FieldError.tsx';

interface Props {
  errors: { provider?: string | undefined; characterId?: string | undefined };
  onEdit: (field: 'provider' | 'characterId') => void;
}

export function SourceFields({ errors, onEdit }: Props) {
  const provider = useEditor((s) => s.composer.provider);
  const characterId = useEditor((s) => s.composer.characterId);
  const setComposer = useEditor((s) => s.setComposer);
  const providers = useQuery(providersQuery());
  const characters = useQuery(charactersQuery(provider));

  // Keep the character valid for the chosen provider: fall back to its first character.
  useEffect(() => {
    const list = characters.data;
    if (!list) return;
    if (list.length === 0 && characterId !== '') setComposer({ characterId: '' });
    else if (list.length > 0 && !list.some((c) => c.id === characterId)) setComposer({ characterId: list[0]!.id });
  }, [characters.data, characterId, setComposer]);

  const current = providers.data?.find((p) => p.id === provider);

  const loadError = providers.error ?? characters.error;

  return (
    <div className="grid grid-cols-1 gap-2">
      {loadError && (
        <p role="alert" className="col-span-2 rounded-md border border-amber-400/25 bg-amber-400/[0.07] px-2 py-1.5 text-[11px] text-amber-200">
          Couldn’t load {providers.error ? 'providers' : 'characters'}: {describeError(loadError)}{' '}
          <button
            type="button"
            className="font-medium underline hover:text-fg"
            onClick={() => {
              if (providers.isError) void providers.refetch();
              if (characters.isError) void characters.refetch();
            }}
          >
            Retry
          </button>
        </p>
      )}
      <div>
        <label className="field-label" htmlFor="provider-select">
          Provider
        </label>
        <select
          id="provider-select"
          data-testid="provider-select"
          className="field-input"
          value={provider}
          aria-invalid={errors.provider ? true : undefined}
          onChange={(e) => {
            setComposer({ provider: e.target.value as ProviderId });
            onEdit('provider');
          }}
        >
          {(providers.data ?? [{ id: 'local' as const, name: 'Local engine', configured: true, credits: null }]).map((p) => (
            <option key={p.id} value={p.id} disabled={!p.configured}>
              {p.name}
              {p.configured ? (p.credits !== null ? ` · ${p.credits} cr` : '') : ' — not configured'}
            </option>
          ))}
        </select>
        {current && !current.configured ? <p className="mt-1 text-[11px] text-amber-300">Not configured: add its API keys to the server's .env.</p> : null}
        <FieldError field="provider" message={errors.provider} />
      </div>
      <div>
        <label className="field-label" htmlFor="character-select">
          Character
        </label>
        <select
          id="character-select"
          data-testid="character-select"
          className="field-input disabled:text-faint"
          value={characterId}
          disabled={!characters.data || characters.data.length === 0}
          aria-invalid={errors.characterId ? true : undefined}
          onChange={(e) => {
            setComposer({ characterId: e.target.value });
            onEdit('characterId');
            // An uploaded character is shown in the viewport when picked here too, as in "Characters & actions".
            const picked = characters.data?.find((c) => c.id === e.target.value);
            if (picked?.modelUrl) void localFiles.previewCharacter(picked);
          }}
        >
          {characters.isPending ? (
            <option value={characterId}>Loading…</option>
          ) : characters.data && characters.data.length > 0 ? (
            characters.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))
          ) : (
            <option value="">Default</option>
          )}
        </select>
        <FieldError field="characterId" message={errors.characterId} />
      </div>
    </div>
  );
}
