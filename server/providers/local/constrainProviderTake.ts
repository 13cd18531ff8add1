/**
 * The local IK post-pass on a provider take: SayMotion and Meshy take words only, so paths, key poses and
 * pins on one of their takes are solved here, on their downloaded clip converted to the canonical rig
 * (providerTakeMotion.ts), by the same constraint pass the engine runs after synthesis. The report says so,
 * because the result is no longer what the provider made.
 */
import type * as Engine from '../../engine/index.ts';
import { describeConstraints } from '../../engine/constraints/apply.ts';
import type { PromptReport } from '../../contract/api.ts';
import type { Constraints } from '../../contract/constraints.ts';
import type { StoredOf, StoredRequest } from '../../contract/storedRequest.ts';

type EngineApi = typeof Engine;

const PROVIDER_NAMES: Record<string, string> = { saymotion: 'SayMotion', meshy: 'Meshy' };

export function providerLabel(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}

/** A local rerun that solves constraints on another provider's take (createJob's post-pass). */
export type PostPassRequest = StoredOf<'rerun'> & { constraintsAfter: string; constraints: Constraints };

/** True for a local rerun that carries constraints onto a take another provider made. */
export function isProviderPostPass(req: StoredRequest, parentRequest: StoredRequest | null): req is PostPassRequest {
  return req.kind === 'rerun' && req.constraintsAfter !== undefined && req.constraints !== undefined && parentRequest?.provider !== 'local';
}

export function constrainProviderTake(engine: EngineApi, req: PostPassRequest, parent: Engine.Motion): { motions: Engine.Motion[]; report: PromptReport } {
  const { constraints } = req;
  const motion = engine.applyConstraints(parent, constraints);
  return {
    motions: [motion],
    report: { understood: [`constraints applied locally after ${providerLabel(req.constraintsAfter)}`, describeConstraints(constraints)], ignored: [] },
  };
}
