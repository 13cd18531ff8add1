/**
 * The data-authored action library: one file per category, each exporting its `ActionDef[]` as
 * default. Adding a category file is one line in `files.ts`.
 */
import type { ActionDef } from '../format.ts';
import * as files from './files.ts';

export const LIBRARY: readonly ActionDef[] = Object.values(files).flat();
