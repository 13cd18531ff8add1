/**
 * Scene proxies and props an action implies, emitted with each variant so the viewport can draw the
 * stairs a character climbs or the ball in its hand as simple geometry. World units (metres, +Y up).
 */
import type { PropKind, SceneKind } from './format.ts';

export interface SceneItem {
  kind: SceneKind;
  /** Centre of the footprint at its base height. */
  position: [number, number, number];
  /** Heading of the proxy's depth axis (radians about +Y; 0 = +Z). */
  yaw: number;
  /** Width, height, depth. */
  size: [number, number, number];
  /** Stairs: number of steps. */
  steps?: number;
}

export interface PropItem {
  kind: PropKind;
  /** The hand joint holding it, or both hands. */
  attach: 'leftHand' | 'rightHand' | 'both';
  /** First and last frame it is held. */
  startFrame: number;
  endFrame: number;
}

export interface SceneOut {
  scene: SceneItem[];
  props: PropItem[];
}

export function emptyScene(): SceneOut {
  return { scene: [], props: [] };
}
