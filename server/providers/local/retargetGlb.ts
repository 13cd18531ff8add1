/**
 * Puts engine motions onto an uploaded, already-rigged humanoid (GLB, VRM, or FBX converted to GLB):
 * the result is the character's own GLB (meshes, materials, skin untouched) with one new animation
 * driving its bones, plus a BVH on the character's own skeleton (retargetExports.ts); its FBX is made from that GLB
 * on download (server/downloads/documentToFbx.ts), mesh and textures included.
 *
 * How the motion is transferred (rest-pose alignment, facing, folding of missing joints) is in
 * retargetPlan.ts; the legs are re-solved for the character's proportions by the engine's
 * refitProportions so its feet stay planted. A character that does not face +Z with Y up (a VRM 0.x,
 * a Z-up FBX) or whose FBX units are not metres gets one extra root node, `KinemaFacing`, that turns
 * and scales it into the studio's convention, so it walks where the mannequin walks.
 *
 * Loading is done once per character (CharacterRetargeter.load) and reused for every variant.
 *
 * A VRM comes out as a plain glTF: @gltf-transform/core drops extensions it does not implement, so
 * the VRM metadata and MToon materials are not carried over (the glTF fallback materials are). The
 * GLB is an animated preview and export of the character; the uploaded VRM itself stays untouched.
 */
import { Logger, PropertyType, WebIO, type Accessor, type Animation, type Document, type Node } from '@gltf-transform/core';
import type { Motion } from '../../engine/index.ts';
import { qAlignSign } from '../../engine/core/quat.ts';
import { fbxToGlb } from '../../characters/fbxToGlb.ts';
import { readGlbJson } from '../../characters/sniffModel.ts';
import { inspectModel } from '../../characters/modelLimits.ts';
import { RetargetError } from './retargetError.ts';
import { characterBvh } from './retargetExports.ts';
import { characterMotion, planRetarget, RigPoser, type RetargetPlan } from './retargetPlan.ts';
import { rigFromDocument } from './retargetRig.ts';

export { RetargetError } from './retargetError.ts';

function silentIo(): WebIO {
  return new WebIO().setLogger(new Logger(Logger.Verbosity.SILENT));
}

export class CharacterRetargeter {
  private readonly onBody = new WeakMap<Motion, Motion>();

  private constructor(
    private readonly doc: Document,
    /** Rig joint → document node. */
    private readonly nodes: Node[],
    readonly plan: RetargetPlan,
    /** The source file was FBX (its GLB is a conversion). */
    readonly fromFbx: boolean,
  ) {}

  /** Reads a GLB/VRM/FBX character and measures its skeleton; throws RetargetError when it cannot be driven. */
  static async load(bytes: Uint8Array): Promise<CharacterRetargeter> {
    // The upload was checked already; checking again here also covers files stored before the limits existed.
    const sniff = inspectModel(bytes);
    if (!sniff.ok) throw new RetargetError('unreadable_character', `The character file could not be read: ${sniff.reason}`);
    const fromFbx = sniff.format === 'fbx';
    let glb: Uint8Array;
    try {
      glb = fromFbx ? await fbxToGlb(bytes) : bytes;
    } catch (err) {
      throw new RetargetError('unreadable_character', `The FBX character could not be read: ${(err as Error).message}`);
    }
    let doc: Document;
    try {
      doc = await silentIo().readBinary(glb);
    } catch (err) {
      throw new RetargetError('unreadable_character', `The character GLB could not be read: ${(err as Error).message}`);
    }
    if (doc.getRoot().listSkins().length === 0) throw new RetargetError('not_humanoid', 'the model has no skeleton (no skin): it is a plain mesh');
    const json = readGlbJson(glb);
    const docNodes = doc.getRoot().listNodes();
    const { rig, order } = rigFromDocument(doc, json.ok ? json.json : null);
    // glTF is in metres by specification; FBX units are a file setting, so they are measured.
    const plan = planRetarget(rig, fromFbx ? 'guess' : 1);
    for (const a of doc.getRoot().listAnimations()) disposeAnimation(a);
    const turned = 1 - Math.abs(plan.facing.w) > 1e-9 || plan.unit !== 1;
    if (turned) {
      const facing = doc
        .createNode('KinemaFacing')
        .setRotation(plan.facing.toArray() as [number, number, number, number])
        .setScale([plan.unit, plan.unit, plan.unit]);
      for (const scene of doc.getRoot().listScenes()) {
        const roots = scene.listChildren();
        scene.addChild(facing);
        for (const r of roots) facing.addChild(r);
      }
    }
    return new CharacterRetargeter(
      doc,
      order.map((i) => docNodes[i]!),
      plan,
      fromFbx,
    );
  }

  /**
   * A canonical motion on the character's proportions (missing joints folded, legs re-solved): forward
   * kinematics of it gives the character's joint positions. Computed once per motion.
   */
  onCharacter(motion: Motion): Motion {
    let m = this.onBody.get(motion);
    if (!m) {
      m = characterMotion(this.plan, motion);
      this.onBody.set(motion, m);
    }
    return m;
  }

  /** The character itself, without animation (for an FBX upload: its GLB conversion). */
  async characterGlb(): Promise<Uint8Array> {
    return silentIo().writeBinary(this.doc);
  }

  /** The character's GLB with `motion` as its only animation, named `clipName`. */
  async glb(motion: Motion, clipName: string): Promise<Uint8Array> {
    const m = this.onCharacter(motion);
    const { plan, doc } = this;
    const mapped = this.nodes.map((_, j) => j).filter((j) => plan.canonOf[j]! >= 0);
    const rotations = mapped.map(() => new Float32Array(m.frames * 4));
    const hips = new Float32Array(m.frames * 3);
    const poser = new RigPoser(plan);
    for (let f = 0; f < m.frames; f++) {
      poser.pose(m, f);
      mapped.forEach((j, k) => {
        const q = poser.local[j]!,
          out = rotations[k]!;
        out.set([q.x, q.y, q.z, q.w], f * 4);
        // Keep consecutive keys in one hemisphere so LINEAR interpolation never takes the long way round.
        if (f > 0) qAlignSign(out, f * 4, out, f * 4 - 4);
      });
      hips.set([poser.hipsT.x, poser.hipsT.y, poser.hipsT.z], f * 3);
    }

    const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
    const times = new Float32Array(m.frames);
    for (let f = 0; f < m.frames; f++) times[f] = f / m.fps;
    const input = doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer);
    const anim = doc.createAnimation(clipName);
    const track = (node: Node, path: 'rotation' | 'translation', values: Float32Array) => {
      const output = doc
        .createAccessor()
        .setType(path === 'rotation' ? 'VEC4' : 'VEC3')
        .setArray(values)
        .setBuffer(buffer);
      const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
      anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
    };
    track(this.nodes[plan.hips]!, 'translation', hips);
    mapped.forEach((j, k) => track(this.nodes[j]!, 'rotation', rotations[k]!));
    try {
      return await silentIo().writeBinary(doc);
    } finally {
      // The document is reused for the next variant: leave it as it was.
      disposeAnimation(anim);
    }
  }

  /** BVH on the character's own skeleton (its bone names, rest pose and proportions). */
  bvh(motion: Motion): string {
    return characterBvh(this.plan, this.onCharacter(motion));
  }
}

function disposeAnimation(anim: Animation): void {
  const accessors = new Set<Accessor>();
  for (const s of anim.listSamplers()) {
    const i = s.getInput(),
      o = s.getOutput();
    if (i) accessors.add(i);
    if (o) accessors.add(o);
  }
  for (const c of anim.listChannels()) c.dispose();
  for (const s of anim.listSamplers()) s.dispose();
  anim.dispose();
  for (const a of accessors) if (a.listParents().every((p) => p.propertyType === PropertyType.ROOT)) a.dispose();
}

/** Returns the character GLB with `motion` as its only animation, named `clipName`. */
export async function retargetToGlb(characterBytes: Uint8Array, motion: Motion, clipName: string): Promise<Uint8Array> {
  return (await CharacterRetargeter.load(characterBytes)).glb(motion, clipName);
}
