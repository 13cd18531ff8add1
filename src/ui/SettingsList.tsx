import type { ReactNode } from 'react';

/** The inspector's settings list: labels on the left, values on the right (children are dt/dd pairs). */
export function SettingsList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[12px]">{children}</dl>;
}

/** The rows every job's settings start with: its id (to reproduce or report it) and who made what. */
export function JobIdRows({ id, provider, kind }: { id: string; provider: string; kind: string }) {
  return (
    <>
      <dt className="text-faint">Job</dt>
      <dd className="truncate font-mono text-[11px] text-muted" title={id}>
        {id}
      </dd>
      <dt className="text-faint">Provider</dt>
      <dd className="text-muted">
        {provider} · {kind}
      </dd>
    </>
  );
}
