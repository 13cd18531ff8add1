/**
 * Shows one subject (a variant's GLB, or a dropped GLB/FBX/BVH, possibly retargeted onto a character) and plays
 * it from the shared playhead. The mixer never advances on its own: every frame poses the clip at
 * `playhead.time`, so scrubbing, stepping, looping and ping-pong are all decided by the playhead alone, and any
 * number of views (main viewport, grid cells) stay in sync. Per-frame work is imperative; React renders this only
 * when the subject or a toggle changes.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { use, useEffect, useMemo, useRef } from 'react';
import { SkeletonHelper, Vector3 } from 'three';
import type { PerspectiveCamera } from 'three';
import { subjectInfo, viewportProbe } from '../player/index.ts';
import { playhead } from '../state/playhead.ts';
import { loadAsset } from './assets/assetCache.ts';
import type { AssetSource } from './assets/assetCache.ts';
import { describeAsset, takeName } from './assets/assetLabels.ts';
import { applyFraming, frameBox, motionBounds } from './cameraFraming.ts';
import type { Framing } from './cameraFraming.ts';
import { createBlobShadow } from '../render/index.ts';
import { BoneFigure } from './overlays/BoneFigure.ts';
import { FootMarkers } from './overlays/FootMarkers.ts';
import { HeldProps } from './overlays/HeldProps.ts';
import type { VariantScene } from '../../server/contract/api.ts';
import { RootTrail } from './overlays/RootTrail.ts';
import { buildSubjectRig } from './subjectRig.ts';

export interface SubjectSource extends AssetSource {
  /** Identifies the subject (changes = a different thing is shown). */
  key: string;
  /** Take (clip) index to play; undefined = the file's default take. */
  take?: number | undefined;
}

export interface SubjectDisplay {
  showSkeleton: boolean;
  wireframe: boolean;
  inPlace: boolean;
  showTrail: boolean;
  showContacts: boolean;
}

interface ControlsLike {
  target: Vector3;
  update(): void;
  saveState?: () => void;
}

interface Props {
  source: SubjectSource;
  /** Character to retarget a motion-only clip onto; null = show the clip's own skeleton or mesh. */
  character: AssetSource | null;
  display: SubjectDisplay;
  frameOnLoad: boolean;
  /** The main viewport's subject: publishes the transport (duration, fps), subject facts and the test probe. */
  primary: boolean;
  autoplay?: boolean;
  /** A soft disc under the root instead of shadow maps (grid cells). */
  blobShadow?: boolean;
  onFramed?: (f: Framing) => void;
  onReady?: (clip: { duration: number; fps: number }) => void;
  /** Props the engine variant's actions hold (job report), drawn at the hands. */
  heldProps?: VariantScene['props'] | null;
}

const v = new Vector3();

export function SubjectModel({ source, character, display, frameOnLoad, primary, autoplay = true, blobShadow = false, onFramed, onReady, heldProps = null }: Props) {
  const asset = use(loadAsset(source));
  const charAsset = character ? use(loadAsset(character)) : null;
  const take = source.take ?? asset.defaultClip;
  const rig = useMemo(() => buildSubjectRig(asset, take, charAsset), [asset, take, charAsset]);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null;
  const invalidate = useThree((s) => s.invalidate);

  const helper = useMemo(() => new SkeletonHelper(rig.display.model), [rig]);
  const figure = useMemo(() => (rig.skeletonOnly && rig.display.bones.length > 1 ? new BoneFigure(rig.display.bones) : null), [rig]);
  const trail = useMemo(() => (rig.analysis ? new RootTrail(rig.analysis.trail) : null), [rig]);
  const feet = useMemo(
    () => (rig.analysis ? new FootMarkers(rig.analysis, { left: rig.display.roles.leftFoot ?? null, right: rig.display.roles.rightFoot ?? null }) : null),
    [rig],
  );
  const blob = useMemo(() => (blobShadow ? createBlobShadow() : null), [blobShadow]);
  const held = useMemo(
    () => (heldProps && heldProps.length ? new HeldProps(heldProps, { left: rig.display.roles.leftHand ?? null, right: rig.display.roles.rightHand ?? null }) : null),
    [rig, heldProps],
  );
  useEffect(() => () => held?.dispose(), [held]);
  const started = useRef(false);
  const displayRef = useRef(display);
  displayRef.current = display;

  useEffect(() => {
    started.current = false;
    // (Re)activate: StrictMode runs this cleanup once in development, which uncaches the action from the mixer.
    rig.action?.play();
    invalidate();
    return () => {
      rig.dispose();
      helper.dispose();
      figure?.dispose();
      trail?.dispose();
      feet?.dispose();
    };
  }, [rig, helper, figure, trail, feet, invalidate]);

  useEffect(() => {
    for (const m of rig.display.materials) (m as { wireframe?: boolean }).wireframe = display.wireframe;
    if (figure) figure.wireframe = display.wireframe;
    invalidate();
  }, [rig, figure, display.wireframe, invalidate]);

  useEffect(() => {
    if (!primary) return;
    const root = rig.display.rootBone;
    const probe = (): [number, number, number] => {
      if (!root) return [0, 0, 0];
      root.getWorldPosition(v);
      return [v.x, v.y, v.z];
    };
    viewportProbe.rootPosition = probe;
    return () => {
      if (viewportProbe.rootPosition === probe) viewportProbe.rootPosition = null;
    };
  }, [primary, rig]);

  useFrame(() => {
    const first = !started.current;
    if (first) {
      started.current = true;
      if (frameOnLoad) {
        const framing = frameBox(motionBounds(rig.display.root, rig.action ? rig.pose : null, rig.duration), camera);
        applyFraming(camera, framing);
        if (controls) {
          controls.target.copy(framing.target);
          controls.update();
          controls.saveState?.();
        }
        onFramed?.(framing);
      }
      onReady?.({ duration: rig.duration, fps: rig.fps });
      if (primary) publish();
    }

    const opts = displayRef.current;
    rig.pose(playhead.time, opts.inPlace);
    const root = rig.display.rootBone;
    if (figure || blob || (trail && opts.showTrail) || (feet && opts.showContacts)) {
      if (blob && root) {
        root.getWorldPosition(v);
        blob.position.x = v.x;
        blob.position.z = v.z;
      }
      figure?.update();
      if (trail && opts.showTrail && root) {
        root.getWorldPosition(v);
        trail.update(v.x, v.z);
      }
      if (feet && opts.showContacts) feet.update(playhead.time);
    }
    held?.update(playhead.time, rig.fps);
    if (first && primary) {
      viewportProbe.firstFrameAt = performance.now();
      viewportProbe.firstFrameKey = source.key;
    }
  });

  function publish() {
    subjectInfo.setState({
      key: source.key,
      takes: asset.clips.map((c, i) => ({ name: takeName(c.name, i), duration: c.duration })),
      take: Math.min(take, Math.max(0, asset.clips.length - 1)),
      contacts: rig.analysis?.contacts ?? null,
      summary: describeAsset(asset),
      isCharacter: asset.clips.length === 0 && asset.stats.skinnedMeshes > 0 && asset.humanoid !== null,
      retargetedOnto: rig.retargetedOnto,
    });
    playhead.loaded({ duration: rig.duration, fps: rig.fps, clipName: rig.clip ? takeName(rig.clip.name, take) : null, autoplay });
  }

  return (
    <>
      <primitive object={rig.display.root} dispose={null} />
      {figure && <primitive object={figure.object} dispose={null} />}
      {blob && <primitive object={blob} dispose={null} />}
      {display.showSkeleton && !figure && <primitive object={helper} dispose={null} />}
      {trail && display.showTrail && !display.inPlace && <primitive object={trail.object} dispose={null} />}
      {feet && display.showContacts && <primitive object={feet.object} dispose={null} />}
      {held && <primitive object={held.object} dispose={null} />}
    </>
  );
}
