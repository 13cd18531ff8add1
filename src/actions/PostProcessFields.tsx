/** Meshy's post-processing of an animation: a re-timed FBX, a USDZ, or the armature alone (one per job). */
import { FPS_CHOICES, POST_PROCESS_CHOICES } from './actionRequests.ts';
import type { FpsChoice, PostProcessChoice } from './actionRequests.ts';

const LABEL: Record<PostProcessChoice, string> = {
  none: 'None (GLB + FBX)',
  change_fps: 'Change frame rate (extra FBX)',
  fbx2usdz: 'Also make a USDZ (Apple AR)',
  extract_armature: 'Armature-only FBX (no mesh)',
};

export function PostProcessFields({
  value,
  fps,
  onChange,
}: {
  value: PostProcessChoice;
  fps: FpsChoice;
  onChange: (p: { postProcess?: PostProcessChoice; fps?: FpsChoice }) => void;
}) {
  return (
    <div className="grid grid-cols-[1fr_auto] gap-2">
      <div>
        <label className="field-label" htmlFor="post-process-select">
          Post-processing
        </label>
        <select
          id="post-process-select"
          data-testid="post-process-select"
          className="field-input"
          value={value}
          onChange={(e) => onChange({ postProcess: e.target.value as PostProcessChoice })}
        >
          {POST_PROCESS_CHOICES.map((p) => (
            <option key={p} value={p}>
              {LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      {value === 'change_fps' && (
        <div>
          <label className="field-label" htmlFor="post-process-fps">
            FPS
          </label>
          <select
            id="post-process-fps"
            data-testid="post-process-fps"
            className="field-input w-20"
            value={fps}
            onChange={(e) => onChange({ fps: Number(e.target.value) as FpsChoice })}
          >
            {FPS_CHOICES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
