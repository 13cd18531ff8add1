/** Category chips for an action library: each category once, in catalog order, with how many actions it has. */
import type { LibraryEntry } from '../../server/contract/api.ts';

export interface CategoryCount {
  name: string;
  count: number;
}

export function categoriesOf(entries: readonly Pick<LibraryEntry, 'category'>[]): CategoryCount[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/** "WalkAndRun" → "Walk and run": catalogs name categories in CamelCase. */
export function categoryLabel(name: string): string {
  const words = name.split(/(?<=[a-z])(?=[A-Z])/);
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}

/** Library names use underscores for spaces ("Big_Wave_Hello"). Real names keep their typos. */
export function actionDisplayName(name: string): string {
  return name.replace(/_/g, ' ');
}
