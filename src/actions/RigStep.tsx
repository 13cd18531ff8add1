/**
 * Step 1 of the character-and-actions flow: choose or upload a character and rig it. On Meshy a rig job adds a
 * skeleton to a humanoid mesh at the given height; on the local engine it checks an uploaded humanoid's skeleton
 * (or takes the built-in mannequin). Either way the job's variant 1 is the rigged character, 2 and 3 walk and run.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderId } from '../../server/contract/api.ts';
import { buildRigRequest } from './actionRequests.ts';
import { useActions } from './actionsStore.ts';
import { CostLine } from './CostLine.tsx';
import { StepHeading } from './StepHeading.tsx';
import { SubmitError } from './SubmitError.tsx';
import { useSubmitActionJob } from './useSubmitActionJob.ts';
import { describeError, isApiRequestError } from '../api/client.ts';
import { charactersQuery } from '../api/queries.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { CharacterPicker, CharacterUpload } from '../characters/index.ts';
import { localFiles } from '../dropzone/index.ts';

const HINT: Partial<Record<ProviderId, string>> = {
  local: 'The mannequin is already rigged: rigging it gives its T-pose plus a walk and a run. An uploaded character needs a humanoid skeleton (Mixamo, VRM, Unreal names).',
  meshy: 'Meshy adds a skeleton to a textured, standing humanoid GLB or VRM, and makes a walk and a run for free.',
};

export function RigStep({ provider }: { provider: ProviderId }) {
  const { characterId, heightMeters, set } = useActions(useShallow((s) => ({ characterId: s.characterId, heightMeters: s.heightMeters, set: s.set })));
  const characters = useQuery(charactersQuery(provider));
  const rig = useSubmitActionJob();
  const [note, setNote] = useState<string | null>(null);
  const list = characters.data ?? [];
  const chosen = list.find((c) => c.id === characterId) ?? list[0] ?? null;

  const submit = () => {
    if (!chosen) return;
    rig.submit(buildRigRequest({ provider, characterId: chosen.id, heightMeters }), (job) => set({ rigJobId: job.id }));
  };

  return (
    <section className="space-y-2" data-testid="rig-step" aria-label="Character">
      <StepHeading step={1} title="Character" />
      <p className="text-[11px] leading-snug text-faint">{HINT[provider]}</p>
      <CharacterUpload
        onUploaded={(c) => {
          // Meshy lists only what it can rig; an FBX upload stays available to the local engine's list.
          if (provider === 'meshy' && c.format === 'fbx') {
            setNote(`"${c.name}" is an FBX file: Meshy rigs GLB or VRM models, so it is not listed here. Export it as GLB and upload that.`);
          } else {
            setNote(null);
            set({ characterId: c.id });
            void localFiles.previewCharacter(c);
          }
        }}
      />
      {note && <p className="text-[12px] leading-snug text-amber-200">{note}</p>}

      {characters.isPending ? (
        <div className="flex items-center gap-2 text-[12px] text-faint">
          <Spinner size={12} /> Loading characters…
        </div>
      ) : characters.isError ? (
        <p role="alert" className="text-[12px] text-amber-200">
          Couldn’t load characters: {describeError(characters.error)}{' '}
          <button type="button" className="underline" onClick={() => void characters.refetch()}>
            Retry
          </button>
        </p>
      ) : list.length === 0 ? (
        <p data-testid="characters-empty" className="rounded-md border border-dashed border-line px-2.5 py-2 text-[12px] text-faint">
          {provider === 'meshy' ? 'No characters yet: upload a humanoid GLB or VRM above.' : 'No characters yet: upload one above.'}
        </p>
      ) : (
        <CharacterPicker
          characters={list}
          selectedId={chosen?.id ?? null}
          onSelect={(id) => {
            set({ characterId: id });
            // Show the picked character in the viewport (the mannequin is what every take already shows).
            const picked = list.find((c) => c.id === id);
            if (picked?.modelUrl) void localFiles.previewCharacter(picked);
            if (rig.error) rig.reset();
          }}
        />
      )}

      {provider === 'meshy' && (
        <div className="flex items-center gap-2">
          <label className="field-label mb-0 shrink-0" htmlFor="rig-height-input">
            Height
          </label>
          <input
            id="rig-height-input"
            data-testid="rig-height-input"
            className="field-input w-20 font-mono tabular-nums"
            type="number"
            inputMode="decimal"
            min={0.1}
            max={20}
            step={0.05}
            value={heightMeters}
            aria-invalid={isApiRequestError(rig.error) && rig.error.field === 'heightMeters' ? true : undefined}
            onChange={(e) => {
              set({ heightMeters: e.target.value });
              // The message was about the old value.
              if (rig.error) rig.reset();
            }}
          />
          <span className="text-[11px] text-faint">metres, sets the skeleton’s scale</span>
        </div>
      )}

      <div>
        <CostLine provider={provider} kind="rig" testId="rig-cost" />
        <Button variant="primary" className="w-full" data-testid="rig-button" disabled={!chosen || rig.isPending} onClick={submit}>
          {rig.isPending ? <Spinner size={12} /> : null}
          {chosen ? `Rig ${chosen.name}` : 'Rig a character'}
        </Button>
        <SubmitError error={rig.error} testId="rig-error" />
      </div>
    </section>
  );
}
