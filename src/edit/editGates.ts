/**
 * Which edit actions to offer for the selected job, decided from the provider's capabilities
 * (GET /api/providers) and the job itself. Pure, so every rule is tested and the UI never shows a button
 * that would only earn a 400: an action is ready, blocked with a reason the user can act on, or hidden.
 */
import type { Capability, Job, JobKind, ProviderId, ProviderInfo } from '../../server/contract/api.ts';

export const EDIT_ACTIONS = ['inpaint', 'merge', 'loop', 'refine', 'rerun', 'render'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

type Gate = { state: 'ready' } | { state: 'blocked'; reason: string } | { state: 'hidden' };

export interface EditGates {
  gates: Record<EditAction, Gate>;
  /** One line for the edit bar when nothing can be done (why the buttons are missing or off). */
  note: string | null;
}

export type GateJob = Pick<Job, 'provider' | 'kind' | 'status' | 'variants'>;

export const ACTION_LABELS: Record<EditAction, string> = {
  inpaint: 'Inpaint',
  merge: 'Merge',
  loop: 'Loop',
  refine: 'Refine',
  rerun: 'Rerun',
  render: 'Render',
};

export const ACTION_HINTS: Record<EditAction, string> = {
  inpaint: 'Regenerate time ranges with a new prompt (drag on the lane, or I / O)',
  merge: 'Continue the motion with a new prompt, trimming and blending the join',
  loop: 'Repeat the motion with a seamless join',
  refine: 'New takes close to this one; creativity sets how far they may stray',
  rerun: 'Generate the prompt again with changed options',
  render: 'Render an MP4 video with a backdrop and camera',
};

/** Jobs whose takes are motions an edit can start from (render makes video; rig/animate are character jobs). */
const MOTION_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'import']);

const PROVIDER_LABEL: Record<ProviderId, string> = { local: 'The local engine', saymotion: 'SayMotion', meshy: 'Meshy' };

const all = (gate: Gate): Record<EditAction, Gate> => Object.fromEntries(EDIT_ACTIONS.map((a) => [a, gate])) as Record<EditAction, Gate>;

function missingReason(action: EditAction, provider: ProviderId, providers: readonly ProviderInfo[]): string {
  const who = PROVIDER_LABEL[provider];
  const elsewhere = providers.filter((p) => p.id !== provider && p.capabilities.includes(action as Capability));
  const alt =
    elsewhere.length > 0
      ? ` ${elsewhere.map((p) => p.name).join(' and ')} can, on motions it generated.`
      : action === 'render'
        ? ' SayMotion can render the motions it generated once it is configured on the server.'
        : '';
  const verb = action === 'render' ? 'render video' : action;
  return `${who} can't ${verb} yet.${alt}`;
}

export function gateEditActions(job: GateJob | undefined, providers: readonly ProviderInfo[] | undefined): EditGates {
  if (!job) return { gates: all({ state: 'hidden' }), note: 'Select a job to edit it.' };
  if (!MOTION_KINDS.has(job.kind)) {
    return { gates: all({ state: 'hidden' }), note: `${job.kind} jobs have no motion takes to edit.` };
  }
  if (job.status === 'queued' || job.status === 'running') {
    return { gates: all({ state: 'blocked', reason: 'Edits start from a finished take: wait for this job, or cancel it.' }), note: null };
  }
  if (job.status !== 'succeeded' || job.variants.length === 0) {
    return {
      gates: all({ state: 'blocked', reason: 'This job has no takes to edit. Retry it, or pick a job that succeeded.' }),
      note: null,
    };
  }
  if (!providers) {
    return { gates: all({ state: 'blocked', reason: `Checking what ${PROVIDER_LABEL[job.provider]} can do…` }), note: null };
  }
  const info = providers.find((p) => p.id === job.provider);
  if (!info || !info.configured) {
    const reason = `${PROVIDER_LABEL[job.provider]} isn't configured on this server, so its jobs can't be edited here. Add its keys to the server's .env and restart.`;
    return { gates: all({ state: 'blocked', reason }), note: reason };
  }
  const editable = EDIT_ACTIONS.filter((a) => info.capabilities.includes(a as Capability));
  if (editable.length === 0) {
    return { gates: all({ state: 'hidden' }), note: `${info.name} jobs can't be edited.` };
  }
  if (info.credits !== null && info.credits <= 0) {
    const reason = `Your ${info.name} balance is 0 credits: top up to edit.`;
    return { gates: all({ state: 'blocked', reason }), note: reason };
  }

  const gates = {} as Record<EditAction, Gate>;
  for (const action of EDIT_ACTIONS) {
    if (!info.capabilities.includes(action as Capability)) {
      gates[action] = { state: 'blocked', reason: missingReason(action, job.provider, providers) };
    } else if (action === 'rerun' && job.provider === 'local' && job.kind !== 'text2motion' && job.kind !== 'rerun') {
      // The server refuses this (the local engine has no prompt to rerun for an edit); say so up front.
      gates[action] = {
        state: 'blocked',
        reason: `The local engine reruns prompt jobs only; this is a ${job.kind} edit. Select its source job to rerun, or submit the ${job.kind} again for a new take.`,
      };
    } else gates[action] = { state: 'ready' };
  }
  return { gates, note: null };
}

export interface OptimizerChoice {
  provider: 'local' | 'saymotion';
  label: string;
  available: boolean;
  reason: string | null;
}

/**
 * Prompt optimisers on offer: the server's rule-based one always, SayMotion's when its provider is configured
 * and reports the capability.
 */
export function optimizerChoices(providers: readonly ProviderInfo[] | undefined): OptimizerChoice[] {
  const sm = providers?.find((p) => p.id === 'saymotion');
  const smReady = !!sm && sm.configured && sm.capabilities.includes('optimizePrompt');
  return [
    { provider: 'local', label: 'Local rules', available: true, reason: null },
    {
      provider: 'saymotion',
      label: 'SayMotion',
      available: smReady,
      reason: smReady
        ? null
        : !providers
          ? 'Checking providers…'
          : !sm || !sm.configured
            ? "SayMotion isn't configured on this server (add its keys to the server's .env)."
            : "This SayMotion setup doesn't offer prompt optimisation.",
    },
  ];
}
