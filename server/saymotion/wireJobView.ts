/**
 * Our Job as SayMotion's wire shapes: a status entry, a download link and a job-list item. Each shape is
 * checked against the schema our own SayMotion adapter parses replies with, so the local endpoint cannot
 * drift from what a SayMotion client accepts.
 */
import type { FileFormat, Job } from '../contract/api.ts';
import { characterIdOf, StoredRequest } from '../contract/storedRequest.ts';
import { buildJobParams } from '../providers/saymotion/buildJobParams.ts';
import { DownloadLink, ListedJob, StatusEntry } from '../providers/saymotion/wireSchemas.ts';

export type WireState = 'STARTING' | 'PROGRESS' | 'SUCCESS' | 'FAILURE';
export const WIRE_STATES: readonly string[] = ['STARTING', 'PROGRESS', 'RETRY', 'SUCCESS', 'FAILURE'];

/** Formats offered for download, in the order SayMotion lists them. */
const OFFERED: FileFormat[] = ['bvh', 'fbx', 'glb', 'mp4', 'usdz', 'zip'];

export function wireState(job: Job): WireState {
  switch (job.status) {
    // SayMotion reports a queued job as PROGRESS with a queue position.
    case 'queued':
      return 'PROGRESS';
    case 'running':
      return job.progress > 0 ? 'PROGRESS' : 'STARTING';
    case 'succeeded':
      return 'SUCCESS';
    default:
      return 'FAILURE';
  }
}

export function wireProcessor(job: Job): 'text2motion' | 'render' {
  return job.kind === 'render' ? 'render' : 'text2motion';
}

/** The job's request as the params list a SayMotion client would have sent (what "parameters" shows). */
function wireParameters(job: Job): string[] {
  const req = StoredRequest.safeParse(job.request);
  if (!req.success) return [];
  try {
    return buildJobParams(req.data, { modelId: characterIdOf(req.data) ?? null, parentRid: job.parentJobId }).params;
  } catch {
    return [];
  }
}

export function wireStatus(job: Job, origin: string): StatusEntry {
  const state = wireState(job);
  let entry: StatusEntry;
  if (state === 'SUCCESS') {
    entry = { rid: job.id, status: state, details: { in: wireParameters(job)[0] ?? job.kind, out: `${origin}/api/jobs/${job.id}` } };
  } else if (state === 'FAILURE') {
    entry = {
      rid: job.id,
      status: state,
      details:
        job.status === 'canceled'
          ? { exc_type: 'canceled', exc_message: 'The job was canceled.' }
          : { exc_type: job.error?.code ?? 'failed', exc_message: job.error?.message ?? 'The job failed.' },
    };
  } else {
    entry = {
      rid: job.id,
      status: state,
      details: state === 'PROGRESS' ? { step: Math.min(100, Math.round(job.progress)), total: 100 } : {},
      positionInQueue: job.status === 'queued' ? (job.queuePosition ?? 1) : 0,
    };
  }
  return StatusEntry.parse(entry);
}

/**
 * One download link: every file of the variant as absolute URLs to our cached-file route, or (on an
 * exposed server) to signed links that need no token; `fileUrl` decides which.
 */
export function wireLink(job: Job, variant: number, origin: string, fileUrl: (variant: number, format: string, apiUrl: string) => string = (_v, _f, u) => u): DownloadLink {
  if (job.status !== 'succeeded') return DownloadLink.parse({ rid: job.id });
  const v = job.variants.find((x) => x.index === variant);
  const files = v
    ? OFFERED.flatMap((format) => {
        const f = v.files.find((x) => x.format === format);
        return f ? [{ [format]: `${origin}${fileUrl(variant, format, f.url)}` }] : [];
      })
    : [];
  return DownloadLink.parse({
    rid: job.id,
    parameters: wireParameters(job),
    ...(wireProcessor(job) === 'text2motion' ? { renderJobList: [] } : {}),
    variantDownloadStatus: v !== undefined,
    // The SDKs save each file as {name}.{ext} and skip names starting with "inter".
    urls: v ? [{ name: `variant_${variant}`, files }] : [],
  });
}

export function wireListItem(job: Job): ListedJob {
  return ListedJob.parse({
    rid: job.id,
    processingInfo: { createdAt: job.createdAt, updatedAt: job.updatedAt, stage: job.stage },
    processor: wireProcessor(job),
    parameters: wireParameters(job),
    ...(wireProcessor(job) === 'text2motion' ? { variants: Object.fromEntries(job.variants.map((v) => [String(v.index), { download: job.status === 'succeeded' }])) } : {}),
    // The local engine is free.
    chargedAmount: 0,
    status: wireState(job),
    ctime: Date.parse(job.createdAt),
    mtime: Date.parse(job.updatedAt),
  });
}
