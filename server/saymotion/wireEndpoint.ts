import type { Job, ProviderId } from '../contract/api.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import { JOB_ID_PATTERN } from '../jobs/jobStore.ts';
import type { Config } from '../config.ts';
import type { DownloadServices } from '../downloads/downloadServices.ts';
import type { createJob } from '../jobs/createJob.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import type { Logger } from '../log.ts';
import type { Provider } from '../providers/provider.ts';
import type { LinkSigner } from './signedLinks.ts';

/** What the wire endpoint uses of the server: job creation's needs (as createJob declares them), file downloads', and more. */
export type WireServices = Parameters<typeof createJob>[0] &
  DownloadServices & {
    readonly config: Config;
    readonly log: Logger;
    readonly runner: JobRunner;
    readonly providers: ReadonlyMap<ProviderId, Provider>;
  };

/** What the groups of wire routes share: the server's services, when this endpoint started, and its link signer. */
export interface WireEndpoint {
  readonly s: WireServices;
  /** Reported as the subscription start and the stock characters' creation time. */
  readonly startedAt: number;
  /** Set when the studio is exposed beyond loopback: the SDK's file downloads then use signed links. */
  readonly signer: LinkSigner | null;
}

/** Jobs this endpoint exposes: the local engine's (other providers' jobs are not the local engine's to report). */
export async function localJob(w: WireEndpoint, rid: string): Promise<Job | null> {
  if (!JOB_ID_PATTERN.test(rid)) return null;
  const job = await w.s.store.get(rid);
  return job && job.provider === 'local' ? job : null;
}

/** The local engine's stock characters and the studio's uploaded ones, as SayMotion models. */
export async function localCharacters(w: WireEndpoint) {
  const local = w.s.providers.get('local');
  const stock = local ? await local.characters() : [];
  const uploaded = await characterStoreFor(w.s.config.dataDir).list();
  return [
    ...stock.map((ch) => ({ id: ch.id, name: ch.name, platform: 'deepmotion' as const, ctime: w.startedAt, modelUrl: ch.modelUrl })),
    ...uploaded.map((m) => ({ id: m.id, name: m.name, platform: 'custom' as const, ctime: Date.parse(m.createdAt), modelUrl: `/api/characters/${m.id}/model` })),
  ];
}
