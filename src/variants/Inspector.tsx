/** Right column: variants of the selected job, what the engine understood, downloads and settings. */
import type { ReactNode } from 'react';
import { ActionJobSettings, ActionJobSummary, isActionJob, ClipPicker, useVariantLabels } from '../actions/index.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { Downloads } from './Downloads.tsx';
import { JobDetails } from './JobDetails.tsx';
import { PromptReport } from './PromptReport.tsx';
import { VariantStrip } from './VariantStrip.tsx';

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="border-b border-line px-3 py-3">
      <header className="mb-2 flex items-center justify-between">
        <h2 className="panel-title">{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

export function Inspector() {
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const labelOf = useVariantLabels(job);

  if (!job) {
    return <div className="px-3 py-4 text-[12px] text-faint">Select a job to see its variants, what the engine understood of the prompt, and its downloads.</div>;
  }

  return (
    <div data-testid="inspector">
      <Section title="Variants" aside={<span className="text-[11px] text-faint">{job.variants.length || ''}</span>}>
        <VariantStrip job={job} selectedIndex={variant?.index ?? null} labelOf={labelOf} />
        {variant && <ClipPicker variant={variant} />}
      </Section>
      {/* Rig, animate and textToMotion jobs have no prompt report worth a section: say what they used and made. */}
      {isActionJob(job) ? (
        <Section title="Character & actions">
          <ActionJobSummary job={job} />
        </Section>
      ) : (
        <Section title="Prompt understanding">
          <PromptReport job={job} />
        </Section>
      )}
      <Section title="Download" aside={variant ? <span className="text-[11px] text-faint">variant {variant.index}</span> : null}>
        {variant ? (
          <Downloads variant={variant} />
        ) : (
          <p className="text-[12px] text-faint">{job.status === 'succeeded' ? 'No files.' : 'Files appear here when the job has finished.'}</p>
        )}
      </Section>
      <Section title="Settings">{isActionJob(job) ? <ActionJobSettings job={job} /> : <JobDetails job={job} />}</Section>
    </div>
  );
}
