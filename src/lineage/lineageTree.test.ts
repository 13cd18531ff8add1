import { describe, expect, it } from 'vitest';
import type { Job } from '../../server/contract/api.ts';
import { ancestry, countNodes, indexJobs, lineageOf, lineageRows, missingAncestor } from './lineageTree.ts';
import { nodeSummary } from './nodeSummary.ts';

let clock = 0;
function job(id: string, parent: [string, number] | null = null, p: Partial<Job> = {}): Job {
  clock += 1000;
  return {
    id,
    provider: 'local',
    title: null,
    starred: false,
    collectionId: null,
    kind: parent ? 'loop' : 'text2motion',
    status: 'succeeded',
    progress: 100,
    stage: null,
    queuePosition: null,
    parentJobId: parent?.[0] ?? null,
    parentVariant: parent?.[1] ?? null,
    request: {},
    createdAt: new Date(clock).toISOString(),
    updatedAt: new Date(clock).toISOString(),
    error: null,
    report: null,
    variants: [],
    ...p,
  };
}

// root ─┬─ a (from v2) ── b ── c
//       └─ d (from v1)
// other (unrelated)
const root = job('root');
const a = job('a', ['root', 2]);
const b = job('b', ['a', 1]);
const d = job('d', ['root', 1]);
const c = job('c', ['b', 1]);
const other = job('other');
const index = indexJobs([c, other, b, a, d, root]);

describe('lineage', () => {
  it('walks up to the oldest loaded ancestor', () => {
    expect(ancestry(index, 'c').map((j) => j.id)).toEqual(['c', 'b', 'a', 'root']);
    expect(ancestry(index, 'nope')).toEqual([]);
  });

  it('builds the whole family of any member, children oldest first, and nothing else', () => {
    const tree = lineageOf(index, 'd')!;
    expect(tree.job.id).toBe('root');
    expect(tree.children.map((n) => n.job.id)).toEqual(['a', 'd']);
    expect(countNodes(tree)).toBe(5);
  });

  it('lays out rows depth first with connectors and the selected path', () => {
    const rows = lineageRows(lineageOf(index, 'c')!, 'c');
    expect(rows.map((r) => [r.job.id, r.depth, r.last, r.onPath])).toEqual([
      ['root', 0, true, true],
      ['a', 1, false, true],
      ['b', 2, true, true],
      ['c', 3, true, true],
      ['d', 1, true, false],
    ]);
    // Under "a" (not the last child of root) the level-1 guide continues down to "d".
    expect(rows[2]!.guides).toEqual([true]);
    expect(rows[3]!.guides).toEqual([true, false]);
  });

  it('treats a job whose parent is not loaded as a root and names the parent to fetch', () => {
    const partial = indexJobs([c, b]);
    expect(lineageOf(partial, 'c')!.job.id).toBe('b');
    expect(missingAncestor(partial, 'c')).toBe('a');
    expect(missingAncestor(index, 'c')).toBeNull();
  });

  it('survives a cycle in bad data', () => {
    const x = job('x', ['y', 1]);
    const y = job('y', ['x', 1]);
    const idx = indexJobs([x, y]);
    expect(ancestry(idx, 'x').map((j) => j.id)).toEqual(['x', 'y']);
    expect(countNodes(lineageOf(idx, 'x')!)).toBeLessThanOrEqual(2);
  });
});

describe('nodeSummary', () => {
  it.each([
    [{ kind: 'text2motion', request: { prompt: 'walk then wave' } }, 'walk then wave'],
    [{ kind: 'inpaint', request: { prompt: 'jump', intervals: [{ start: 1, end: 2.5 }] } }, 'jump · 1.00 s–2.50 s'],
    [{ kind: 'loop', request: { reps: 3, blendSec: 0.3, rootFixMode: 'LOCKED' } }, '×3 · blend 0.3 s · locked'],
    [{ kind: 'refine', request: { creativity: 0.8 } }, 'creativity 0.8'],
    [{ kind: 'merge', request: { prompt: 'sit down', trimLeftFrames: 10, blendSec: 0.3 } }, '+ sit down · trim 10f · blend 0.3 s'],
    [{ kind: 'rerun', request: { seed: 5, variants: 2 } }, 'seed 5 · 2 var'],
  ] as Array<[Partial<Job>, string]>)('%j → %s', (p, text) => expect(nodeSummary(job('j', null, p))).toBe(text));
});
