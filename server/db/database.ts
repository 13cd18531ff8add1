/**
 * The database, behind Kysely: embedded SQLite (better-sqlite3) by default, PostgreSQL when
 * DATABASE_URL is a postgres:// URL. The same queries and migrations run on both; the few places
 * where the dialects differ ask `dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { Dialect } from './dialect.ts';
import { migrationsFor } from './migrations.ts';
import { storageFaultOf } from '../files/storageFault.ts';

export type { Dialect };
export type Db = Kysely<Database>;

export interface OpenDb {
  db: Db;
  dialect: Dialect;
}

class StaticMigrations implements MigrationProvider {
  constructor(private readonly all: Record<string, Migration>) {}
  async getMigrations() {
    return this.all;
  }
}

// int8 (bigint: counts, ms timestamps) arrives as a string by default; our values fit a double exactly.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * Kysely prepares every query anew; on SQLite, compiling the statement costs more than running it, on
 * the main thread, for every job event. Statements are reused by SQL text instead (better-sqlite3 is
 * synchronous, so a statement is never used by two queries at once; Kysely does not stream on SQLite).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        // Queries with IN lists of varying length make many texts; keep the map bounded.
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** Opens the database named by `databaseUrl` (postgres://…) or else the SQLite file, and migrates it. */
export async function openDatabase(sqliteFile: string, databaseUrl?: string): Promise<OpenDb> {
  let db: Db;
  let dialect: Dialect;
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    dialect = 'postgres';
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) }) });
  } else {
    if (databaseUrl) throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset to use the embedded SQLite database.');
    dialect = 'sqlite';
    if (sqliteFile !== ':memory:') fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    const sqlite = new SQLite(sqliteFile);
    // WAL lets SSE readers run while a job writes; NORMAL sync is safe with WAL against app crashes.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const migrator = new Migrator({ db, provider: new StaticMigrations(migrationsFor(dialect)) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    // Even an up-to-date schema takes the migration lock (a write): on a full or read-only disk that
    // fails, but a server whose schema is current can still start and serve reads until space returns.
    const pending = await migrator.getMigrations().then(
      (all) => all.some((m) => !m.executedAt),
      () => true,
    );
    if (!(storageFaultOf(error) && !pending)) throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect };
}
