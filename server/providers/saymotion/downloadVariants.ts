/**
 * Copies a finished SayMotion job's files into our cache (through ctx.saveFile) before the job may be
 * marked succeeded: provider links expire, and the studio serves every file from its own cache.
 * Intermediate groups (`inter*`) are skipped, as the official SDKs do; FBX arrives zipped and is unpacked.
 */
import type { FileFormat } from '../../contract/api.ts';
import type { Logger } from '../../log.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import type { Processor } from './buildJobParams.ts';
import { bvhDurationSec } from './bvhDuration.ts';
import { mp4DurationSec } from './mp4Duration.ts';
import { sleep } from '../../http/outbound/sleep.ts';
import type { SayMotionClient } from './saymotionClient.ts';
import { unpackFbx } from './unpackFbx.ts';
import { DownloadReply, type DownloadLink } from './wireSchemas.ts';

/** Extensions SayMotion serves that the studio stores; `dmpe` (DeepMotion's own editor format) is not one. */
const STORED: Record<string, FileFormat> = { glb: 'glb', bvh: 'bvh', fbx: 'fbx', mp4: 'mp4', usdz: 'usdz', zip: 'zip' };
const ORDER: FileFormat[] = ['glb', 'bvh', 'fbx', 'mp4', 'usdz', 'zip'];

export interface DownloadPlan {
  rid: string;
  processor: Processor;
  variants: number;
  /** Used as the clip length when no BVH says otherwise. */
  requestedDurationSec: number;
}

export interface DownloadOptions {
  log?: Logger;
  /** SUCCESS may be reported a moment before the links exist; ask again this many times. */
  notReadyRetries?: number;
  notReadyDelayMs?: number;
  /** Progress share already used by generation; downloads fill the rest. */
  progressStart?: number;
}

type DownloadContext = Pick<JobContext, 'saveFile' | 'setVariantDuration' | 'progress' | 'signal'>;

/** The links of one variant, in the order the studio prefers, first URL per format. */
function pickFiles(link: DownloadLink): Array<{ ext: string; format: FileFormat; url: string }> {
  const found = new Map<FileFormat, { ext: string; format: FileFormat; url: string }>();
  for (const group of link.urls ?? []) {
    if (group.name.toLowerCase().startsWith('inter')) continue;
    for (const file of group.files) {
      for (const [ext, url] of Object.entries(file)) {
        const format = STORED[ext.toLowerCase()];
        if (format && !found.has(format)) found.set(format, { ext: ext.toLowerCase(), format, url });
      }
    }
  }
  return ORDER.flatMap((f) => (found.has(f) ? [found.get(f)!] : []));
}

async function linkFor(client: SayMotionClient, plan: DownloadPlan, variant: number, ctx: DownloadContext, opts: DownloadOptions): Promise<DownloadLink> {
  const retries = opts.notReadyRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const reply = await client.get(`/job/v1/download/${encodeURIComponent(plan.rid)}`, DownloadReply, {
      // Renders have one video and no variants of their own.
      query: plan.processor === 'render' ? {} : { variant_id: variant },
      signal: ctx.signal,
    });
    const link = reply.links.find((l) => l.rid === plan.rid) ?? reply.links[0];
    if (link?.variantDownloadStatus === false) {
      throw new ProviderError(
        'variant_unavailable',
        `SayMotion withheld variant ${variant}: either it does not exist or your balance does not cover downloading it. Top up your SayMotion credit and run the job again.`,
      );
    }
    if (link?.urls && link.urls.length > 0) return link;
    if (attempt >= retries) {
      throw new ProviderError('download_unavailable', `SayMotion reported the job finished but offered no files for variant ${variant}. Try running it again.`, true);
    }
    await sleep((opts.notReadyDelayMs ?? 1000) * (attempt + 1), ctx.signal);
  }
}

export async function downloadVariants(client: SayMotionClient, ctx: DownloadContext, plan: DownloadPlan, opts: DownloadOptions = {}): Promise<void> {
  const start = opts.progressStart ?? 90;
  for (let v = 1; v <= plan.variants; v++) {
    const label = plan.variants > 1 ? `variant ${v}/${plan.variants}` : 'result';
    ctx.progress({ percent: start + ((100 - start) * (v - 1)) / plan.variants, stage: `downloading ${label} from SayMotion`, queuePosition: null });
    const link = await linkFor(client, plan, v, ctx, opts);
    const files = pickFiles(link);
    if (files.length === 0) {
      throw new ProviderError(
        'no_output_files',
        `SayMotion's files for variant ${v} are in formats the studio cannot store (${(link.urls ?? []).flatMap((g) => g.files.flatMap((f) => Object.keys(f))).join(', ') || 'none'}).`,
      );
    }
    let duration: number | null = null;
    for (const f of files) {
      ctx.progress({ percent: start + ((100 - start) * (v - 1)) / plan.variants, stage: `downloading ${label}: ${f.format.toUpperCase()}` });
      const bytes = await client.fetchFile(f.url, { signal: ctx.signal });
      if (f.format === 'fbx') {
        const unpacked = unpackFbx(bytes);
        if (unpacked.fbx) await ctx.saveFile(v, 'fbx', unpacked.fbx);
        if (unpacked.zip) await ctx.saveFile(v, 'zip', unpacked.zip);
      } else {
        await ctx.saveFile(v, f.format, bytes);
      }
      if (f.format === 'bvh') duration = bvhDurationSec(bytes);
      // A render has no BVH: its video header gives the length (mp4Duration.ts).
      if (f.format === 'mp4' && duration === null) duration = mp4DurationSec(bytes);
    }
    ctx.setVariantDuration(v, duration ?? plan.requestedDurationSec);
    opts.log?.debug('saymotion variant stored', { rid: plan.rid, variant: v, formats: files.map((f) => f.format) });
  }
}
