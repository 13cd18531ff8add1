/** Collections: named groups of jobs, like a project. A job is in at most one (jobs.collection_id). */
import crypto from 'node:crypto';
import type { Collection } from '../contract/jobLibrary.ts';
import type { Db } from '../db/database.ts';

function newCollectionId(): string {
  return `col_${crypto.randomBytes(10).toString('hex')}`;
}

export class CollectionStore {
  constructor(private readonly db: Db) {}

  async list(): Promise<Collection[]> {
    const rows = await this.db
      .selectFrom('collections')
      .leftJoin('jobs', 'jobs.collection_id', 'collections.id')
      .select((eb) => ['collections.id', 'collections.name', 'collections.created_at', eb.fn.count<number>('jobs.id').as('job_count')])
      .groupBy(['collections.id', 'collections.name', 'collections.created_at'])
      .orderBy('collections.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, jobCount: Number(r.job_count) }));
  }

  async get(id: string): Promise<Collection | null> {
    return (await this.list()).find((c) => c.id === id) ?? null;
  }

  async findByName(name: string): Promise<Collection | null> {
    const r = await this.db.selectFrom('collections').select('id').where('name', '=', name).executeTakeFirst();
    return r ? this.get(r.id) : null;
  }

  async create(name: string): Promise<Collection> {
    const id = newCollectionId();
    const createdAt = new Date().toISOString();
    await this.db.insertInto('collections').values({ id, name, created_at: createdAt }).execute();
    return { id, name, createdAt, jobCount: 0 };
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.updateTable('collections').set({ name }).where('id', '=', id).execute();
  }

  /** Deletes the group only: its jobs stay, in no collection. Returns the ids of the jobs it held. */
  async remove(id: string): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      const jobs = await tx.selectFrom('jobs').select('id').where('collection_id', '=', id).execute();
      await tx.updateTable('jobs').set({ collection_id: null }).where('collection_id', '=', id).execute();
      await tx.deleteFrom('collections').where('id', '=', id).execute();
      return jobs.map((j) => j.id);
    });
  }
}
