/**
 * The family tree of edits. Every edit is a job whose `parentJobId`/`parentVariant` name the take it
 * started from; this module turns a flat list of jobs into that tree and into rows for the history view.
 * Pure: no React, no fetching. Jobs whose parent is not loaded are treated as roots and say so.
 */
import type { Job } from '../../server/contract/api.ts';

export interface LineageNode {
  job: Job;
  children: LineageNode[];
}

export interface LineageRow {
  job: Job;
  depth: number;
  /** For each ancestor level (0..depth-1): does a vertical guide continue past this row at that level? */
  guides: boolean[];
  /** The last child of its parent (its connector ends here). */
  last: boolean;
  /** On the path from the root to the selected job (drawn stronger). */
  onPath: boolean;
}

export type JobIndex = ReadonlyMap<string, Job>;

export function indexJobs(...lists: ReadonlyArray<readonly Job[]>): Map<string, Job> {
  const byId = new Map<string, Job>();
  for (const list of lists) for (const j of list) if (!byId.has(j.id)) byId.set(j.id, j);
  return byId;
}

/** The selected job and its ancestors, nearest first; stops at a parent that is not loaded (or a cycle). */
export function ancestry(index: JobIndex, id: string): Job[] {
  const out: Job[] = [];
  const seen = new Set<string>();
  let cur = index.get(id);
  while (cur && !seen.has(cur.id)) {
    out.push(cur);
    seen.add(cur.id);
    cur = cur.parentJobId ? index.get(cur.parentJobId) : undefined;
  }
  return out;
}

/** The first ancestor id that is referenced but not loaded (to fetch it), or null. */
export function missingAncestor(index: JobIndex, id: string): string | null {
  const chain = ancestry(index, id);
  const top = chain.at(-1);
  if (!top?.parentJobId) return null;
  return index.has(top.parentJobId) ? null : top.parentJobId;
}

/** The tree that contains job `id`, from its oldest loaded ancestor; children oldest first. */
export function lineageOf(index: JobIndex, id: string): LineageNode | null {
  const chain = ancestry(index, id);
  const root = chain.at(-1);
  if (!root) return null;
  const kids = new Map<string, Job[]>();
  for (const j of index.values()) {
    if (!j.parentJobId) continue;
    const list = kids.get(j.parentJobId);
    if (list) list.push(j);
    else kids.set(j.parentJobId, [j]);
  }
  const seen = new Set<string>();
  const build = (job: Job): LineageNode => {
    seen.add(job.id);
    const children = (kids.get(job.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))
      .map(build);
    return { job, children };
  };
  return build(root);
}

/** Depth-first rows with the connector information a tree view needs. */
export function lineageRows(root: LineageNode, selectedId: string | null): LineageRow[] {
  const rows: LineageRow[] = [];
  const path = new Set<string>();
  const findPath = (n: LineageNode): boolean => {
    if (n.job.id === selectedId || n.children.some(findPath)) {
      path.add(n.job.id);
      return true;
    }
    return false;
  };
  findPath(root);
  const walk = (n: LineageNode, depth: number, guides: boolean[], last: boolean) => {
    rows.push({ job: n.job, depth, guides, last, onPath: path.has(n.job.id) });
    n.children.forEach((c, i) => {
      const isLast = i === n.children.length - 1;
      walk(c, depth + 1, depth === 0 ? [] : [...guides, !last], isLast);
    });
  };
  walk(root, 0, [], true);
  return rows;
}

/** Number of jobs in a tree. */
export function countNodes(n: LineageNode): number {
  return 1 + n.children.reduce((s, c) => s + countNodes(c), 0);
}
