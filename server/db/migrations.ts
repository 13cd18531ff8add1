import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './dialect.ts';
import { searchTextOf } from './searchText.ts';

/**
 * Ordered by key. Never edit a migration that has shipped; add a new one.
 * Auto-incrementing keys are the one DDL difference between the dialects.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? ('serial' as const) : ('integer' as const);
  const autoInc = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '0001_init': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('jobs')
          .addColumn('seq', serial, autoInc)
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('provider', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
          .addColumn('stage', 'text')
          .addColumn('queue_position', 'integer')
          .addColumn('parent_job_id', 'text')
          .addColumn('parent_variant', 'integer')
          .addColumn('request', 'text', (c) => c.notNull())
          .addColumn('report', 'text')
          .addColumn('error', 'text')
          .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('external_id', 'text')
          .addColumn('idempotency_key', 'text', (c) => c.unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('jobs_status').on('jobs').column('status').execute();
        await db.schema
          .createTable('files')
          .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
          .addColumn('variant', 'integer', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('rel_path', 'text', (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('files_pk', ['job_id', 'variant', 'format'])
          .execute();
        await db.schema
          .createTable('events')
          .addColumn('seq', serial, autoInc)
          .addColumn('job_id', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('events_job').on('events').columns(['job_id', 'seq']).execute();
      },
    },
    '0002_job_leases': {
      // Which server instance runs a job, until when. Expired leases are taken over by another instance.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('jobs').addColumn('lease_owner', 'text').execute();
        await db.schema.alterTable('jobs').addColumn('lease_expires_at', 'bigint').execute();
        await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'provider', 'seq']).execute();
      },
    },
    '0003_idempotency_scope': {
      // Idempotency keys are now stored scoped to the client (`<client hash>:<key>`) and bound to the
      // sha256 of the request body, so the same key with a different body is refused instead of replayed.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('jobs').addColumn('idempotency_body', 'text').execute();
      },
    },
    '0004_job_library': {
      // Managing many takes: a label, a star, one collection per job, and the columns the job list filters and
      // searches on (search_text is the lower-cased title + prompt, so LIKE is case-blind on both dialects).
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('collections')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('jobs').addColumn('title', 'text').execute();
        await db.schema
          .alterTable('jobs')
          .addColumn('starred', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('jobs').addColumn('collection_id', 'text').execute();
        await db.schema.alterTable('jobs').addColumn('character_id', 'text').execute();
        await db.schema
          .alterTable('jobs')
          .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        const rows = await db.selectFrom('jobs').select(['id', 'request']).execute();
        for (const r of rows as Array<{ id: string; request: string }>) {
          const req = JSON.parse(r.request) as Record<string, unknown>;
          await db
            .updateTable('jobs')
            .set({ search_text: searchTextOf(null, req), character_id: typeof req.characterId === 'string' ? req.characterId : null })
            .where('id', '=', r.id)
            .execute();
        }
        await db.schema.createIndex('jobs_collection').on('jobs').columns(['collection_id', 'seq']).execute();
        await db.schema.createIndex('jobs_parent').on('jobs').column('parent_job_id').execute();
      },
    },
  };
}
