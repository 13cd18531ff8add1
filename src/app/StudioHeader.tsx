/** Top bar: product name, server health, live-updates state, configured providers. */
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/client.ts';
import { healthQuery, providersQuery } from '../api/queries.ts';
import { useStreamStatus } from '../jobs/index.ts';
import { PanelToggle } from './PanelToggle.tsx';

function Dot({ tone }: { tone: 'ok' | 'warn' | 'bad' | 'idle' }) {
  const c = { ok: 'bg-emerald-400', warn: 'bg-amber-400 animate-pulse', bad: 'bg-red-400', idle: 'bg-neutral-500' }[tone];
  return <span className={`size-1.5 rounded-full ${c}`} />;
}

export function StudioHeader() {
  const health = useQuery(healthQuery());
  const providers = useQuery(providersQuery());
  const stream = useStreamStatus((s) => s.status);

  return (
    <header className="flex h-10 shrink-0 items-center gap-4 border-b border-line bg-panel px-3">
      <div className="flex items-center gap-2">
        <PanelToggle side="left" />
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden>
          <rect x="2" y="2" width="20" height="20" rx="6" fill="var(--color-accent)" />
          <path d="M8 6.5v11M8 12l6.5-5.5M10.2 10.2 16 17.5" stroke="white" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" fill="none" />
        </svg>
        <span className="text-[14px] font-semibold tracking-tight">Kinema</span>
        <span className="text-[11px] text-faint">studio</span>
      </div>

      <div className="ml-auto flex items-center gap-4 text-[11px] text-muted">
        {providers.data && (
          <span className="hidden items-center gap-2 md:flex" title="Providers (configure keys in the server's .env)">
            {providers.data.map((p) => (
              <span key={p.id} className={`flex items-center gap-1 ${p.configured ? '' : 'text-faint'}`}>
                <Dot tone={p.configured ? 'ok' : 'idle'} />
                {p.name}
                {p.credits !== null && <span className="font-mono text-faint">{p.credits} cr</span>}
              </span>
            ))}
          </span>
        )}
        <span className="flex items-center gap-1.5" data-testid="stream-status" data-status={stream} title="Live job updates">
          <Dot tone={stream === 'live' ? 'ok' : 'warn'} />
          {stream === 'live' ? 'Live' : stream === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        {health.isError ? (
          <span className="flex items-center gap-1.5 text-red-300" role="alert" title={describeError(health.error)}>
            <Dot tone="bad" /> Server unreachable — retrying
          </span>
        ) : health.data ? (
          <span className="font-mono text-faint">v{health.data.version}</span>
        ) : null}
        <PanelToggle side="right" />
      </div>
    </header>
  );
}
