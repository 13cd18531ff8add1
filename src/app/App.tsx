/**
 * The studio shell. Left: composer (or the characters-and-actions flow) over the job list. Centre: stage (one
 * take, the variant grid or an A/B compare) over the edit lane and the timeline. Right: lineage, then the
 * inspector (variants, prompt report, downloads, settings).
 */
import { CreatePanel } from '../actions/CreatePanel.tsx';
import { StageBar } from '../compare/StageBar.tsx';
import { StudioStage } from '../compare/StudioStage.tsx';
import { EditDialog } from '../edit/EditDialog.tsx';
import { EditEffects } from '../edit/EditEffects.tsx';
import { EditLane } from '../edit/EditLane.tsx';
import { HelpOverlay } from '../help/HelpOverlay.tsx';
import { JobList } from '../jobs/JobList.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { LineagePanel } from '../lineage/LineagePanel.tsx';
import { Inspector } from '../variants/Inspector.tsx';
import { AppEffects } from './AppEffects.tsx';
import { AppProviders } from './AppProviders.tsx';
import { Notices } from './Notices.tsx';
import { StudioHeader } from './StudioHeader.tsx';

export function App() {
  return (
    <AppProviders>
      <AppEffects />
      <EditEffects />
      <div className="flex h-full flex-col">
        <StudioHeader />
        <div className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[300px_minmax(0,1fr)_280px] lg:overflow-hidden xl:grid-cols-[330px_minmax(0,1fr)_300px]">
          <aside className="flex min-h-0 flex-col border-line bg-panel lg:border-r" aria-label="Composer and jobs">
            <div className="shrink-0 overflow-y-auto border-b border-line px-3 pt-2 lg:max-h-[70%]">
              <CreatePanel />
            </div>
            <JobList />
          </aside>

          <main className="flex min-h-[520px] min-w-0 flex-col" aria-label="Preview">
            <StageBar />
            <div className="relative min-h-0 flex-1">
              <StudioStage />
              <EditDialog />
            </div>
            <EditLane />
            <div className="h-14 shrink-0 border-t border-line bg-panel">
              <Timeline />
            </div>
          </main>

          <aside className="min-h-0 overflow-y-auto border-line bg-panel lg:border-l" aria-label="Inspector">
            <LineagePanel />
            <Inspector />
          </aside>
        </div>
      </div>
      <Notices />
      <HelpOverlay />
    </AppProviders>
  );
}
