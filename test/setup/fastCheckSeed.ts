/**
 * Property tests run with a fixed seed so CI is reproducible: a failure seen once is seen again.
 * Explore new cases with `FC_SEED=<n> npx vitest run` (a failing seed is printed by fast-check).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });
