/**
 * What a Meshy job stores as its external id. Before a create is sent the job records
 * `meshy-pending:<sent-at-ms>`, and the task id replaces it as soon as Meshy answers. A restart that
 * finds the pending marker therefore knows a paid create may be in flight and reconciles with
 * Meshy's task list instead of sending it again.
 */
const PENDING = /^meshy-pending:(\d{1,16})$/;

export type ExternalId = { kind: 'task'; id: string } | { kind: 'pending'; sentAt: number };

export function pendingMarker(sentAt: number): string {
  return `meshy-pending:${Math.floor(sentAt)}`;
}

export function parseExternalId(value: string | null): ExternalId | null {
  if (!value) return null;
  const m = PENDING.exec(value);
  return m ? { kind: 'pending', sentAt: Number(m[1]) } : { kind: 'task', id: value };
}
