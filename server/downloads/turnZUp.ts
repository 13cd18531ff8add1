/**
 * Z-up for FBX files that declare it (Unreal preset): the turn is baked into the glTF document's data.
 */
import type { Document, Node } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';

/**
 * Turns the document Z-up in its data (+90° about X: the character's +Z facing becomes −Y, the front in
 * Blender and, after its handedness flip, Unreal's +Y): top-level nodes and their keys turn; skinned geometry
 * and its inverse bind matrices turn with them, since glTF ignores a skinned mesh node's own transform. Baked
 * rather than put on a parent node, because importers read a turned parent differently from one another.
 */
export function turnZUp(doc: Document): void {
  const root = doc.getRoot();
  const turn = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2);
  const m = new Matrix4().makeRotationFromQuaternion(turn);
  const mInv = m.clone().invert();
  const v = new Vector3(),
    q = new Quaternion(),
    sc = new Vector3();
  const joints = new Set<Node>(root.listSkins().flatMap((s) => s.listJoints()));
  const skinnedMeshes = new Set<Node>(root.listNodes().filter((n) => n.getMesh() && n.getSkin()));
  // What turns: the top-most bones (not the null above them: Blender makes that null the armature object and
  // reads a turned one against the skin differently from the bones) and rigid meshes outside any skeleton.
  // A bone under a transformed null gets C = P⁻¹·R·P, so its world becomes R times what it was.
  const targets = new Map<Node, Matrix4>();
  const visit = (n: Node, parentWorld: Matrix4): void => {
    if (skinnedMeshes.has(n)) return;
    const local = new Matrix4().compose(v.fromArray(n.getTranslation()), q.fromArray(n.getRotation()), sc.fromArray(n.getScale()));
    if (joints.has(n) || n.getMesh()) {
      targets.set(n, parentWorld.clone().invert().multiply(m).multiply(parentWorld));
      return;
    }
    const world = parentWorld.clone().multiply(local);
    for (const c of n.listChildren()) visit(c, world);
  };
  for (const n of (root.getDefaultScene() ?? root.listScenes()[0])?.listChildren() ?? []) visit(n, new Matrix4());
  const apply = (c: Matrix4, t: number[], r: number[], s: number[]): [number[], number[], number[]] => {
    const out = c.clone().multiply(new Matrix4().compose(v.fromArray(t), q.fromArray(r), sc.fromArray(s)));
    out.decompose(v, q, sc);
    return [v.toArray(), q.toArray(), sc.toArray()];
  };
  for (const [n, c] of targets) {
    const [t, r] = apply(c, n.getTranslation(), n.getRotation(), n.getScale());
    n.setTranslation(t as [number, number, number]).setRotation(r as [number, number, number, number]);
  }
  for (const a of root.listAnimations()) {
    // A key moves with the node's other (rest or keyed) components, so translation and rotation keys are
    // rewritten as C applied to the node's transform at that key: rotation keys R·q, translation keys C·t.
    for (const ch of a.listChannels()) {
      const target = ch.getTargetNode();
      const c = target ? targets.get(target) : undefined;
      const out = ch.getSampler()?.getOutput();
      const values = out?.getArray();
      if (!c || !out || !(values instanceof Float32Array)) continue;
      const next = values.slice();
      if (ch.getTargetPath() === 'translation') for (let i = 0; i < next.length; i += 3) v.fromArray(next, i).applyMatrix4(c).toArray(next, i);
      else if (ch.getTargetPath() === 'rotation') {
        const cr = new Quaternion().setFromRotationMatrix(c);
        for (let i = 0; i < next.length; i += 4) q.fromArray(next, i).premultiply(cr).toArray(next, i);
      } else continue;
      out.setArray(next);
    }
  }
  const done = new Set<unknown>();
  for (const n of skinnedMeshes) {
    for (const p of n.getMesh()!.listPrimitives()) {
      for (const [sem, kind] of [
        ['POSITION', 'p'],
        ['NORMAL', 'd'],
      ] as const) {
        const acc = p.getAttribute(sem);
        const arr = acc?.getArray();
        if (!acc || done.has(acc) || !(arr instanceof Float32Array)) continue;
        done.add(acc);
        const next = arr.slice();
        for (let i = 0; i < next.length; i += 3) {
          v.fromArray(next, i);
          (kind === 'p' ? v.applyMatrix4(m) : v.applyQuaternion(turn)).toArray(next, i);
        }
        acc.setArray(next);
      }
    }
    const ibm = n.getSkin()!.getInverseBindMatrices();
    const arr = ibm?.getArray();
    if (ibm && !done.has(ibm) && arr instanceof Float32Array) {
      done.add(ibm);
      const next = arr.slice();
      for (let i = 0; i < next.length; i += 16) new Matrix4().fromArray(next, i).multiply(mInv).toArray(next, i);
      ibm.setArray(next);
    }
  }
}
