/**
 * The studio shell. Left: composer over the job list. Centre: viewport over the timeline.
 * Right: inspector (variants, prompt report, downloads, settings).
 */
import { Composer } from '../composer/Composer.tsx';
import { JobList } from '../jobs/JobList.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { Inspector } from '../variants/Inspector.tsx';
import { ViewportPanel } from '../viewport/ViewportPanel.tsx';
import { AppEffects } from './AppEffects.tsx';
import { AppProviders } from './AppProviders.tsx';
import { Notices } from './Notices.tsx';
import { StudioHeader } from './StudioHeader.tsx';

export function App() {
  return (
    <AppProviders>
      <AppEffects />
      <div className="flex h-full flex-col">
        <StudioHeader />
        <div className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[300px_minmax(0,1fr)_280px] lg:overflow-hidden xl:grid-cols-[330px_minmax(0,1fr)_300px]">
          <aside className="flex min-h-0 flex-col border-line bg-panel lg:border-r" aria-label="Composer and jobs">
            <div className="shrink-0 overflow-y-auto border-b border-line px-3 pt-2 lg:max-h-[70%]">
              <h2 className="panel-title mb-2 flex h-7 items-center">New motion</h2>
              <Composer />
            </div>
            <JobList />
          </aside>

          <main className="flex min-h-[520px] min-w-0 flex-col" aria-label="Preview">
            <div className="min-h-0 flex-1">
              <ViewportPanel />
            </div>
            <div className="h-14 shrink-0 border-t border-line bg-panel">
              <Timeline />
            </div>
          </main>

          <aside className="min-h-0 overflow-y-auto border-line bg-panel lg:border-l" aria-label="Inspector">
            <Inspector />
          </aside>
        </div>
      </div>
      <Notices />
    </AppProviders>
  );
}
