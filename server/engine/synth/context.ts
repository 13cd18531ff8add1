/** The arguments every generator receives; one object keeps generator signatures uniform. */
import type { Rng } from '../core/rng.ts';
import type { SceneOut } from '../actions/scene.ts';
import type { Track } from './track.ts';
import type { Style, SynthState, VariantParams } from './state.ts';

export interface GenCtx {
  readonly tr: Track;
  /** First frame this generator owns and how many frames it writes. */
  readonly start: number;
  readonly n: number;
  /** Continued from the previous segment; the generator leaves it describing its last frame. */
  readonly st: SynthState;
  readonly rng: Rng;
  readonly vp: VariantParams;
  readonly style: Style;
  /** Where actions put the scene proxies and props they imply (stairs, a ladder, a ball in the hand). */
  readonly out?: SceneOut;
}
