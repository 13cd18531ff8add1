/**
 * A skeleton as names plus parent indices (-1 for roots), whatever file it came from (GLB nodes, FBX
 * bones, BVH joints), and the hierarchy questions bone mapping asks of it.
 */
export interface BoneTree {
  readonly names: readonly string[];
  readonly parents: ArrayLike<number>;
}

export class BoneHierarchy {
  readonly children: number[][];
  readonly depth: Int32Array;

  constructor(readonly tree: BoneTree) {
    const n = tree.names.length;
    this.children = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      const p = tree.parents[i]!;
      if (p >= 0) this.children[p]!.push(i);
    }
    this.depth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let p = tree.parents[i]!; p >= 0; p = tree.parents[p]!) d++;
      this.depth[i] = d;
    }
  }

  parent(i: number): number {
    return this.tree.parents[i]!;
  }

  isAncestor(a: number, b: number): boolean {
    for (let p = this.tree.parents[b]!; p >= 0; p = this.tree.parents[p]!) if (p === a) return true;
    return false;
  }

  /** The candidate nearest the root: when names repeat (`thigh.L`, `thigh.L.001`) the first bone of the limb. */
  shallowest(ids: readonly number[]): number | undefined {
    let best: number | undefined;
    for (const i of ids) if (best === undefined || this.depth[i]! < this.depth[best]!) best = i;
    return best;
  }

  commonAncestor(a: number, b: number): number | undefined {
    const up = new Set<number>();
    for (let p: number = a; p >= 0; p = this.tree.parents[p]!) up.add(p);
    for (let p: number = b; p >= 0; p = this.tree.parents[p]!) if (up.has(p)) return p;
    return undefined;
  }
}
