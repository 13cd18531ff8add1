/**
 * One error type for everything that can go wrong talking to Meshy, and its translation into the
 * user-facing ProviderError. Messages are scrubbed of the API key before they are stored here
 * (the client does it), because upstream bodies and network errors may echo what we sent.
 */
import { ProviderError } from '../provider.ts';

export type MeshyFailureKind = 'http' | 'network' | 'timeout' | 'protocol';

export type RateLimitKind = 'RateLimitExceeded' | 'NoMoreConcurrentTasks' | 'NoMorePendingTasks';

export class MeshyApiError extends Error {
  constructor(
    readonly kind: MeshyFailureKind,
    /** HTTP status (or an SSE `event: error` status_code); null for network failures. */
    readonly status: number | null,
    message: string,
    readonly details: {
      code?: string;
      retryAfterMs?: number | null;
      /** false when the request certainly never reached Meshy (connection refused, DNS): safe to resend. */
      maybeReceived?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'MeshyApiError';
  }

  get rateLimit(): RateLimitKind | null {
    if (this.status !== 429) return null;
    const text = `${this.details.code ?? ''} ${this.message}`;
    if (/NoMoreConcurrentTasks|TooManyPendingTasks|concurren/i.test(text)) return 'NoMoreConcurrentTasks';
    if (/NoMorePendingTasks|pending/i.test(text)) return 'NoMorePendingTasks';
    return 'RateLimitExceeded';
  }

  /** True when the outcome of a request that was sent is unknown: it may or may not have been acted on. */
  get ambiguous(): boolean {
    if (this.kind === 'timeout') return true;
    if (this.kind === 'network') return this.details.maybeReceived !== false;
    return this.status !== null && this.status >= 500;
  }
}

export type MeshyOperation = 'rig' | 'animate' | 'textToMotion' | 'status' | 'download' | 'balance' | 'library' | 'delete';

const LABEL: Record<MeshyOperation, string> = {
  rig: 'rigging',
  animate: 'animation',
  textToMotion: 'text-to-motion',
  status: 'task status',
  download: 'result download',
  balance: 'balance',
  library: 'animation library',
  delete: 'task deletion',
};

const COST: Partial<Record<MeshyOperation, string>> = {
  rig: '5 credits',
  animate: '3 credits per action',
  textToMotion: '10 credits in prime mode, 3 in swift mode',
};

export function toProviderError(err: MeshyApiError, op: MeshyOperation): ProviderError {
  const label = LABEL[op];
  const upstream = err.message ? ` Meshy said: "${err.message.slice(0, 300)}".` : '';
  switch (err.status) {
    case 400:
      if (op === 'animate' && /action_id/i.test(err.message)) {
        return new ProviderError('unknown_action', `Meshy does not know one of the chosen actions; pick actions from GET /api/library?provider=meshy.${upstream}`);
      }
      return new ProviderError('invalid_request', `Meshy refused the ${label} request as invalid.${upstream}`);
    case 401:
      return new ProviderError('meshy_auth', 'Meshy refused the API key (401): check MESHY_API_KEY in the server environment (.env) and restart the server.');
    case 402:
      return new ProviderError(
        'insufficient_credits',
        `Not enough Meshy credits for this ${label}${COST[op] ? ` (${COST[op]})` : ''}: top up at meshy.ai, or use provider "local".`,
      );
    case 403:
      if (op === 'textToMotion') {
        return new ProviderError('prompt_refused', `Meshy's moderation refused this prompt (403): rephrase it without violent, sexual or otherwise flagged content.${upstream}`);
      }
      return new ProviderError('meshy_forbidden', `Meshy refused the ${label} request (403): this API key's plan may not allow it.${upstream}`);
    case 404:
      if (op === 'animate') {
        return new ProviderError(
          'not_found',
          `Meshy no longer has the rig or motion task this animation needs (Meshy keeps results for a limited time): rig the character again.${upstream}`,
        );
      }
      if (op === 'rig') return new ProviderError('not_found', `Meshy does not know the source task: check sourceTaskId.${upstream}`);
      return new ProviderError('task_not_found', `The Meshy task no longer exists (deleted at Meshy or expired): run the job again.${upstream}`);
    case 409:
      return new ProviderError('meshy_conflict', `Meshy refused the ${label} request because the task is busy (409).${upstream}`);
    case 422:
      return new ProviderError(
        'not_humanoid',
        `Meshy could not rig this model: it is not a usable humanoid (pose estimation failed). Use a textured, standing, two-legged humanoid with clear limbs, facing +Z.${upstream}`,
      );
    case 429:
      return new ProviderError('meshy_rate_limited', `Meshy is rate-limiting this account (${err.rateLimit ?? '429'}): try again in a minute.`, true);
    default:
      if (err.status !== null && err.status >= 500) {
        return new ProviderError('meshy_unavailable', `Meshy had a server error (${err.status}) during the ${label}: try again later; status.meshy.ai shows outages.`, true);
      }
      if (err.kind === 'timeout') return new ProviderError('meshy_timeout', `Meshy did not answer the ${label} request in time: try again later.`, true);
      if (err.kind === 'protocol') return new ProviderError('meshy_protocol', `Meshy sent an unexpected ${label} answer: ${err.message}`, true);
      return new ProviderError('meshy_unreachable', `Could not reach Meshy for the ${label}: ${err.message}. Check the network (and MESHY_API_BASE), then try again.`, true);
  }
}
