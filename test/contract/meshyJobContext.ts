/**
 * An in-memory JobContext for driving a provider's `run` directly (without the runner or a DB):
 * records progress, saved files, durations and the external id exactly as the runner would see them.
 */
import type { CreateJobRequest, FileFormat, PromptReport } from '../../server/contract/api.ts';
import type { JobContext, ParentVariant, ProgressUpdate } from '../../server/providers/provider.ts';
import { ProviderError } from '../../server/providers/provider.ts';

export interface RecordedContext extends JobContext {
  files: Map<string, Uint8Array>;
  durations: Map<number, number>;
  updates: ProgressUpdate[];
  externalIds: string[];
  report: PromptReport | null;
  controller: AbortController;
  /** The external id as last persisted (what a restart would read). */
  storedExternalId(): string | null;
  cancel(): void;
  file(variant: number, format: FileFormat): Uint8Array | undefined;
}

export function recordedContext(
  request: CreateJobRequest | (Record<string, unknown> & { kind: string; provider: string }),
  opts: { externalId?: string | null; parent?: ParentVariant | null; jobId?: string } = {},
): RecordedContext {
  const controller = new AbortController();
  const files = new Map<string, Uint8Array>();
  const durations = new Map<number, number>();
  const updates: ProgressUpdate[] = [];
  const externalIds: string[] = [];
  const ctx: RecordedContext = {
    jobId: opts.jobId ?? 'job_test0000000000',
    request: request as CreateJobRequest,
    parent: opts.parent ?? null,
    externalId: opts.externalId ?? null,
    signal: controller.signal,
    files,
    durations,
    updates,
    externalIds,
    report: null,
    controller,
    progress(u) {
      updates.push(u);
    },
    async setExternalId(id) {
      externalIds.push(id);
    },
    setReport(r) {
      ctx.report = r;
    },
    async saveFile(variant, format, bytes) {
      if (controller.signal.aborted) throw controller.signal.reason;
      files.set(`${variant}.${format}`, bytes);
    },
    setVariantDuration(variant, d) {
      durations.set(variant, d);
    },
    storedExternalId() {
      return externalIds.at(-1) ?? opts.externalId ?? null;
    },
    cancel() {
      controller.abort(new ProviderError('canceled', 'Canceled by the user.'));
    },
    file(variant, format) {
      return files.get(`${variant}.${format}`);
    },
  };
  return ctx;
}

/** A parent handle for an animate job whose rig job ran on Meshy as `rigTaskId`. */
export function rigParent(rigTaskId: string | null, request: Record<string, unknown> = { provider: 'meshy', kind: 'rig', sourceTaskId: 'src' }): ParentVariant {
  return { jobId: 'job_parent00000000', variant: 1, externalId: rigTaskId, request: request as CreateJobRequest, readFile: async () => null };
}
