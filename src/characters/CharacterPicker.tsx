/**
 * The provider's characters as a single-choice list: the built-in mannequin (local) and uploaded files. An
 * uploaded character can be deleted; the first click arms the delete, the second confirms it (no dialog, and
 * the armed state times out), since a delete cannot be undone.
 */
import { useEffect, useState } from 'react';
import type { Character } from '../../server/contract/api.ts';
import { describeError } from '../api/client.ts';
import { XIcon } from '../ui/icons.tsx';
import { useDeleteCharacter } from './useCharacterMutations.ts';

const isUploaded = (c: Character) => c.id.startsWith('chr_');

export function CharacterPicker({ characters, selectedId, onSelect }: { characters: Character[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const remove = useDeleteCharacter();
  const [armed, setArmed] = useState<string | null>(null);

  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(null), 4000);
    return () => clearTimeout(t);
  }, [armed]);

  return (
    <div>
      <ul role="radiogroup" aria-label="Character to rig" className="space-y-1" data-testid="character-list">
        {characters.map((c) => {
          const selected = c.id === selectedId;
          return (
            <li
              key={c.id}
              data-testid="character-option"
              data-character-id={c.id}
              className={`flex items-center gap-2 rounded-md border px-2 py-1.5 ${selected ? 'border-accent/60 bg-accent/[0.07]' : 'border-line bg-raised'}`}
            >
              <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-2 text-[12px]">
                <input type="radio" name="character" className="accent-[var(--color-accent)]" checked={selected} onChange={() => onSelect(c.id)} />
                <span className="truncate text-fg" title={c.name}>
                  {c.name}
                </span>
                <span className="shrink-0 text-[10px] text-faint">{isUploaded(c) ? 'uploaded' : 'built-in'}</span>
              </label>
              {isUploaded(c) &&
                (armed === c.id ? (
                  <button
                    type="button"
                    data-testid="character-delete-confirm"
                    className="shrink-0 rounded border border-red-500/40 px-1.5 text-[11px] text-red-300 hover:bg-red-500/10"
                    disabled={remove.isPending}
                    onClick={() => {
                      setArmed(null);
                      remove.mutate(c.id);
                    }}
                  >
                    Delete?
                  </button>
                ) : (
                  <button
                    type="button"
                    data-testid="character-delete"
                    aria-label={`Delete ${c.name}`}
                    title="Delete this uploaded character"
                    className="shrink-0 rounded p-0.5 text-faint hover:bg-white/5 hover:text-red-300"
                    onClick={() => setArmed(c.id)}
                  >
                    <XIcon width={12} height={12} />
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
      {remove.error && (
        <p role="alert" className="mt-1 text-[12px] text-red-300">
          Could not delete: {describeError(remove.error)}
        </p>
      )}
    </div>
  );
}
