/**
 * Facts about what the viewport is showing, published by the lazily loaded 3D code for the DOM UI (first chunk):
 * the takes in the file, which one plays, foot contacts for the timeline, and what the file is.
 * Changes a few times per clip, never per frame, so React may render from it.
 */
import { createStore } from 'zustand/vanilla';

export interface Span {
  start: number;
  end: number;
}

interface TakeInfo {
  name: string;
  duration: number;
}

export interface SubjectInfo {
  /** Key of the subject these facts describe (a URL); stale facts of a previous subject are ignored. */
  key: string | null;
  takes: TakeInfo[];
  take: number;
  contacts: { left: Span[]; right: Span[] } | null;
  /** Short description for the info chip: format, bones, meshes, notes from loading. */
  summary: string | null;
  /** The file has a skinned humanoid and no motion: it can receive a dropped clip. */
  isCharacter: boolean;
  /** Playing a clip retargeted onto a character (name shown in the UI). */
  retargetedOnto: string | null;
}

const EMPTY: SubjectInfo = { key: null, takes: [], take: 0, contacts: null, summary: null, isCharacter: false, retargetedOnto: null };

export const subjectInfo = createStore<SubjectInfo>()(() => ({ ...EMPTY }));

export function resetSubjectInfo(key: string | null = null): void {
  subjectInfo.setState({ ...EMPTY, key });
}
