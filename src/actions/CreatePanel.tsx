/**
 * Top of the left column: the prompt composer, or the "Characters & actions" flow (rig, library actions,
 * text-to-motion). The prompt stays the default so a first visit starts where it always did.
 */
import { Composer } from '../composer/index.ts';
import { ConstraintsPanel } from '../constraints/index.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import { useActions } from './actionsStore.ts';
import type { CreateTab } from './actionsStore.ts';

const TABS: Array<{ id: CreateTab; label: string }> = [
  { id: 'prompt', label: 'Prompt' },
  { id: 'actions', label: 'Characters & actions' },
];

export function CreatePanel() {
  const tab = useActions((s) => s.tab);
  const set = useActions((s) => s.set);
  return (
    <>
      <div role="tablist" aria-label="New motion" className="mb-2 flex h-7 items-center gap-3">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`create-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`create-panel-${t.id}`}
            data-testid={`create-tab-${t.id}`}
            onClick={() => set({ tab: t.id })}
            className={`panel-title h-full border-b-2 transition-colors ${tab === t.id ? 'border-accent text-fg' : 'border-transparent hover:text-fg'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`create-panel-${tab}`} aria-labelledby={`create-tab-${tab}`}>
        {tab === 'prompt' ? (
          <>
            <Composer />
            <ConstraintsPanel />
          </>
        ) : (
          <ActionsPanel />
        )}
      </div>
    </>
  );
}
