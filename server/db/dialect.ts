/** The two databases Kysely runs on here: embedded SQLite, or PostgreSQL when DATABASE_URL names one. */
export type Dialect = 'sqlite' | 'postgres';
