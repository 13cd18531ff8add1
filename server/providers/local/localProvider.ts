/**
 * The built-in local motion engine as a provider: always configured, free, offline.
 */
import type { Capability, Character, LibraryEntry } from '../../contract/api.ts';
import type { CharacterStore } from '../../characters/characterStore.ts';
import type { LocalRenderer } from '../../render/localRenderer.ts';
import type { JobContext, JobDraft, JobLookup, Provider } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { LOCAL_ACTIONS, toLibraryEntry } from './actionLibrary.ts';
import { characterIdOf } from '../../contract/storedRequest.ts';
import { isActionRequest } from './actionMotions.ts';
import { isProviderPostPass } from './constrainProviderTake.ts';
import { providerTakeMotion } from './providerTakeMotion.ts';
import { encodeMotion } from '../../engine/index.ts';
import type { EnginePool } from './enginePool.ts';
import { MANNEQUIN } from '../mannequin.ts';
import { explainCharacterError, runLocalActionJob } from './runActionJob.ts';
import { engineFailure, runEngineJob } from './runEngineJob.ts';
import { prepareLocalJob } from './prepareLocalJob.ts';

export class LocalProvider implements Provider {
  readonly id = 'local' as const;
  readonly name = 'Local engine (offline)';

  constructor(
    private readonly pool: EnginePool,
    /** Uploaded characters, for jobs that animate them; without it only the mannequin can be animated. */
    private readonly uploads: CharacterStore | null = null,
    /** Draws render jobs to video (server/render); separate from the engine pool, since it is not engine work. */
    private readonly renderer: Pick<LocalRenderer, 'run'> | null = null,
  ) {}

  configured(): boolean {
    return true;
  }

  capabilities(): Capability[] {
    const caps: Capability[] = ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'characters', 'rig', 'animate', 'library', 'textToMotion'];
    return this.renderer ? [...caps, 'render'] : caps;
  }

  async credits(): Promise<number | null> {
    return null;
  }

  async characters(): Promise<Character[]> {
    return [MANNEQUIN];
  }

  /** The local action library (GET /api/library filters it). */
  async library(): Promise<LibraryEntry[]> {
    return LOCAL_ACTIONS.map(toLibraryEntry);
  }

  prepare(draft: JobDraft, jobs: JobLookup): Promise<JobDraft> {
    return prepareLocalJob(draft, jobs, this.uploads);
  }

  async run(ctx: JobContext): Promise<void> {
    if (isActionRequest(ctx.request)) return this.runActionJob(ctx);
    if (ctx.request.kind === 'render') {
      if (!this.renderer) throw new ProviderError('unsupported_operation', 'This server was started without the local renderer.');
      return this.renderer.run(ctx);
    }
    const postPass = ctx.parent !== null && isProviderPostPass(ctx.request, ctx.parent.request);
    // A provider take has no engine motion file: its downloaded clip is converted for the post-pass.
    const parentMotion = !ctx.parent ? null : postPass ? encodeMotion(await providerTakeMotion(ctx.parent)) : await ctx.parent.readFile('motion');
    if (ctx.parent && !parentMotion) {
      throw new ProviderError('parent_unsupported', 'The parent variant has no local motion data to edit; edit a variant made by the local engine.');
    }
    // The post-pass result is on the canonical rig (the mannequin), not on the provider's character.
    const character = postPass ? null : await this.characterOf(ctx);
    try {
      await runEngineJob(this.pool, ctx, { request: ctx.request, parentMotion, parentRequest: ctx.parent?.request ?? null, character: character?.bytes ?? null });
    } catch (err) {
      throw engineFailure(character ? explainCharacterError(err, character.name) : err, ' Try another prompt or seed.');
    }
  }

  /**
   * The uploaded character a prompt or edit job animates: its own characterId, or (for edits, which
   * have none of their own) the one of the job it edits; null for the mannequin.
   */
  private async characterOf(ctx: JobContext): Promise<{ name: string; bytes: Uint8Array } | null> {
    const id = characterIdOf(ctx.request) ?? characterIdOf(ctx.parent?.request);
    if (!id || id === 'mannequin') return null;
    const found = this.uploads ? await this.uploads.read(id) : null;
    if (!found) throw new ProviderError('character_missing', `Character ${id} no longer exists (or its file is damaged); upload it again, or choose the mannequin.`);
    return { name: found.meta.name, bytes: found.bytes };
  }

  private async runActionJob(ctx: JobContext): Promise<void> {
    try {
      await runLocalActionJob(ctx, this.pool, this.uploads);
    } catch (err) {
      throw engineFailure(err);
    }
  }
}
