/**
 * What a submission will cost, shown before submitting. Only prices a provider publishes are used;
 * anything else is reported as unknown rather than guessed.
 */
import type { JobKind, ProviderInfo } from '../../server/contract/api.ts';

export interface CostLine {
  /** Estimated credits, or null when the provider does not publish a price. */
  credits: number | null;
  /** What the user reads next to the submit button. */
  text: string;
  /** False when a known balance cannot cover a known cost. */
  affordable: boolean;
}

/** Meshy's published API prices (docs/contracts/meshy.md §7). */
function meshyPrice(kind: JobKind, opts: { actions?: number; mode?: string }): number | null {
  if (kind === 'rig') return 5;
  if (kind === 'animate') return 3 * Math.max(1, opts.actions ?? 1);
  if (kind === 'textToMotion') return opts.mode === 'swift' ? 3 : 10;
  return null;
}

export function estimateCost(provider: ProviderInfo | undefined, kind: JobKind, opts: { actions?: number; mode?: string } = {}): CostLine {
  if (!provider) return { credits: null, text: 'Cost: checking provider…', affordable: true };
  if (provider.id === 'local') return { credits: 0, text: 'Free: runs on this server', affordable: true };
  const price = provider.id === 'meshy' ? meshyPrice(kind, opts) : null;
  const balance = provider.credits;
  const bal = balance === null ? '' : ` · balance ${balance} cr`;
  if (price === null) {
    return {
      credits: null,
      text: `Cost: set by ${provider.name} per job (no published price)${bal}`,
      affordable: balance === null || balance > 0,
    };
  }
  return { credits: price, text: `Est. ${price} cr${bal}`, affordable: balance === null || balance >= price };
}
