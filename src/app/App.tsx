/**
 * The studio shell. Left: composer (or the characters-and-actions flow) over the job list. Centre: stage (one
 * take, the variant grid or an A/B compare) over the edit lane and the timeline. Right: lineage, then the
 * inspector (variants, prompt report, downloads, settings).
 */
import { CreatePanel } from '../actions/index.ts';
import { StageBar, StudioStage } from '../compare/index.ts';
import { EditDialog, EditEffects, EditLane } from '../edit/index.ts';
import { HelpOverlay } from '../help/index.ts';
import { JobList } from '../jobs/index.ts';
import { Timeline } from '../timeline/index.ts';
import { LineagePanel } from '../lineage/index.ts';
import { Inspector } from '../variants/index.ts';
import { AppEffects } from './AppEffects.tsx';
import { AppProviders } from './AppProviders.tsx';
import { Notices } from './Notices.tsx';
import { StudioHeader } from './StudioHeader.tsx';
import { useShallow } from 'zustand/react/shallow';
import { useLayout } from './layoutStore.ts';
import { useLocalFiles, LocalFilePanel } from '../dropzone/index.ts';

// Static class lists (Tailwind only generates classes it can read in the source): one per open/closed combination.
const COLUMNS = {
  both: 'lg:grid-cols-[280px_minmax(0,1fr)_240px] xl:grid-cols-[300px_minmax(0,1fr)_280px] 2xl:grid-cols-[330px_minmax(0,1fr)_300px]',
  left: 'lg:grid-cols-[280px_minmax(0,1fr)] xl:grid-cols-[300px_minmax(0,1fr)] 2xl:grid-cols-[330px_minmax(0,1fr)]',
  right: 'lg:grid-cols-[minmax(0,1fr)_240px] xl:grid-cols-[minmax(0,1fr)_280px] 2xl:grid-cols-[minmax(0,1fr)_300px]',
  none: 'lg:grid-cols-[minmax(0,1fr)]',
} as const;
// Below lg the open panel is a drawer over the stage.
const DRAWER = 'max-lg:fixed max-lg:top-10 max-lg:bottom-0 max-lg:z-30 max-lg:w-[min(320px,90vw)] max-lg:shadow-2xl max-lg:shadow-black/60';

function StudioColumns() {
  const { leftOpen, rightOpen } = useLayout(useShallow((s) => ({ leftOpen: s.leftOpen, rightOpen: s.rightOpen })));
  // A dropped file is a preview, not a take: job-only tools (edit lane and dialogs, the job's inspector) step aside.
  const localFile = useLocalFiles((s) => s.file);
  const cols = COLUMNS[leftOpen && rightOpen ? 'both' : leftOpen ? 'left' : rightOpen ? 'right' : 'none'];
  return (
    <div className={`relative grid min-h-0 flex-1 grid-cols-1 overflow-hidden ${cols}`}>
      <aside
        id="left-panel"
        data-testid="left-panel"
        className={`min-h-0 flex-col border-r border-line bg-panel ${leftOpen ? `flex ${DRAWER} max-lg:left-0` : 'hidden'}`}
        aria-label="Composer and jobs"
      >
        <div className="max-h-[58%] shrink-0 overflow-y-auto border-b border-line px-3 pt-2">
          <CreatePanel />
        </div>
        <JobList />
      </aside>

      <main className="flex min-h-0 min-w-0 flex-col" aria-label="Preview">
        <StageBar />
        <div className="relative min-h-[160px] flex-1">
          <StudioStage />
          {!localFile && <EditDialog />}
        </div>
        {!localFile && <EditLane />}
        <div className="@container shrink-0 border-t border-line bg-panel">
          <Timeline />
        </div>
      </main>

      <aside
        id="right-panel"
        data-testid="right-panel"
        className={`min-h-0 overflow-y-auto border-l border-line bg-panel ${rightOpen ? `block ${DRAWER} max-lg:right-0` : 'hidden'}`}
        aria-label="Inspector"
      >
        {localFile ? (
          <LocalFilePanel file={localFile} />
        ) : (
          <>
            <LineagePanel />
            <Inspector />
          </>
        )}
      </aside>
    </div>
  );
}

export function App() {
  return (
    <AppProviders>
      <AppEffects />
      <EditEffects />
      <div className="flex h-full flex-col">
        <StudioHeader />
        <StudioColumns />
      </div>
      <Notices />
      <HelpOverlay />
    </AppProviders>
  );
}
