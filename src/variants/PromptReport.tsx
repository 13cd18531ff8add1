/** What the engine understood of the prompt, and what it ignored, so nothing is dropped silently. */
import type { Job } from '../../server/contract/api.ts';

/** "stairsUp" → "stairs up" (action ids are camelCase). */
function actionLabel(id: string): string {
  return id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function PromptReport({ job }: { job: Job }) {
  const report = job.report;
  if (!report) {
    return (
      <p className="text-[12px] text-faint" data-testid="prompt-report-pending">
        {job.status === 'queued' || job.status === 'running' ? 'Shown once the engine has read the prompt.' : 'The provider did not report how it read this prompt.'}
      </p>
    );
  }
  // Words of an unread clause are already shown under "Not understood"; "Ignored" lists the rest.
  const unreadWords = new Set((report.notUnderstood ?? []).flatMap((n) => n.text.split(/\s+/)));
  const ignored = report.ignored.filter((w) => !unreadWords.has(w));
  return (
    <div className="space-y-2.5" data-testid="prompt-report">
      <div>
        <p className="mb-1 text-[11px] text-muted">Understood</p>
        {report.understood.length > 0 ? (
          <ul className="flex flex-wrap gap-1">
            {report.understood.map((u, i) => (
              <li
                key={`${u}-${i}`}
                data-testid="report-understood"
                className="rounded bg-emerald-500/12 px-1.5 py-0.5 text-[12px] text-emerald-200 ring-1 ring-emerald-400/20 ring-inset"
              >
                {u}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-[12px] text-amber-200">Nothing in the prompt matched a known action, so the engine fell back to idle. Try verbs like walk, turn, wave, jump or bow.</p>
        )}
      </div>
      {report.notUnderstood && report.notUnderstood.length > 0 && (
        <div data-testid="report-not-understood">
          <p className="mb-1 text-[11px] text-muted">Not understood</p>
          <ul className="space-y-1">
            {report.notUnderstood.map((n, i) => (
              <li key={`${n.text}-${i}`} className="text-[12px] text-amber-200">
                “{n.text}”
                <span className="text-faint">
                  {n.suggestions.length > 0 ? ` — nearest library actions: ${n.suggestions.map(actionLabel).join(', ')}` : ' — no library action is close'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.alternatives && report.alternatives.length > 0 && (
        <div data-testid="report-alternatives">
          <p className="mb-1 text-[11px] text-muted">Ambiguous</p>
          <ul className="space-y-0.5">
            {report.alternatives.map((a, i) => (
              <li key={`${a.text}-${i}`} className="text-[12px] text-faint">
                “{a.text}” read as {actionLabel(a.chosen)}; could also mean {a.alternative}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ignored.length > 0 && (
        <div>
          <p className="mb-1 text-[11px] text-muted">Ignored</p>
          <ul className="flex flex-wrap gap-1">
            {ignored.map((u, i) => (
              <li
                key={`${u}-${i}`}
                data-testid="report-ignored"
                className="rounded bg-amber-500/10 px-1.5 py-0.5 text-[12px] text-amber-200 line-through decoration-amber-200/40 ring-1 ring-amber-400/20 ring-inset"
              >
                {u}
              </li>
            ))}
          </ul>
          <p className="mt-1.5 text-[11px] text-faint">Ignored words had no effect on the motion. Rephrase them as actions to include them.</p>
        </div>
      )}
    </div>
  );
}
