/**
 * Turns a FAILURE status into a message a user can act on. SayMotion documents numeric error codes but
 * not where they appear in `details` ("the format may change"), so the code is looked for in an explicit
 * code field first, then in exc_type, then in exc_message, and only documented codes are recognised.
 */
import { ProviderError } from '../provider.ts';

interface CodeInfo {
  code: string;
  message: string;
  retryable?: boolean;
}

export const SAYMOTION_ERROR_CODES: Readonly<Record<number, CodeInfo>> = {
  101: { code: 'insufficient_credit', message: 'Your SayMotion account does not have enough credit for this job (101). Top up on saymotion.ai or ask for fewer variants.' },
  494: { code: 'invalid_input', message: 'SayMotion rejected the job input (494). Check the prompt and options and try again.' },
  498: { code: 'provider_pipeline_error', message: 'SayMotion hit an unknown pipeline error (498). Try again; if it repeats, contact DeepMotion support.', retryable: true },
  501: { code: 'generation_failed', message: 'SayMotion could not generate this motion (501). Rephrase the prompt and try again.' },
  502: { code: 'invalid_options', message: 'SayMotion could not read the motion options (502). Check duration, foot locking and filter settings.' },
  599: { code: 'generation_timeout', message: 'SayMotion timed out generating the motion (599). Try a shorter duration or a simpler prompt.', retryable: true },
  605: { code: 'physics_filter_incompatible', message: 'The physics filter does not work with this custom character (605). Turn the physics filter off and try again.' },
  901: { code: 'character_mesh_unreadable', message: "SayMotion could not load the custom character's mesh (901). Re-export the character and upload it again." },
  902: { code: 'character_skeleton_unreadable', message: "SayMotion could not load the custom character's skeleton (902). Re-export the character and upload it again." },
  903: { code: 'character_retarget_failed', message: 'SayMotion could not copy the motion onto the custom character (903). Check that its rig is a standard humanoid.' },
  904: { code: 'character_export_failed', message: 'SayMotion could not export the motion for the custom character (904). Try again or use a stock character.' },
  905: { code: 'character_no_skinned_mesh', message: 'The custom character has no skinned mesh (905). SayMotion needs a mesh bound to its skeleton: skin it and upload it again.' },
  906: {
    code: 'character_blendshapes_missing',
    message: 'More than half of the facial blendshapes SayMotion needs are missing from the custom character (906). Add them or use a character without a face rig.',
  },
  907: { code: 'character_face_definition', message: "SayMotion could not load the custom character's facial definition (907). Re-upload the character." },
  908: { code: 'character_face_tracking', message: 'SayMotion could not load facial tracking data for the custom character (908). Try again or use a stock character.' },
  909: { code: 'character_metadata', message: "SayMotion could not read the custom character's metadata (909). Re-upload the character." },
  999: { code: 'baking_timeout', message: 'SayMotion timed out baking the animation (999). Try again, or a shorter clip.', retryable: true },
  1101: { code: 'provider_process_stuck', message: 'The job got stuck at SayMotion (1101). Try again.', retryable: true },
  1102: { code: 'invalid_parameter', message: 'SayMotion rejected an input parameter (1102). Check the job options.' },
  1105: { code: 'character_load_failed', message: 'SayMotion could not load the character (1105). Pick another character or re-upload it.' },
  1106: { code: 'attach_animation_failed', message: 'SayMotion could not attach the animation to the character (1106). Try another character.' },
  1107: { code: 'backdrop_failed', message: 'SayMotion could not set up the render backdrop (1107). Pick another backdrop.' },
};

function knownCode(value: unknown): number | null {
  if (typeof value === 'number' && SAYMOTION_ERROR_CODES[value]) return value;
  if (typeof value !== 'string') return null;
  for (const m of value.matchAll(/(?<![\d.])(\d{3,4})(?![\d.])/g)) {
    const n = Number(m[1]);
    if (SAYMOTION_ERROR_CODES[n]) return n;
  }
  return null;
}

/** The documented code in a FAILURE's details, or null. */
function errorCodeOf(details: Record<string, unknown> | null | undefined): number | null {
  if (!details) return null;
  for (const key of ['code', 'errorCode', 'error_code', 'exc_code']) {
    const c = knownCode(typeof details[key] === 'number' ? details[key] : String(details[key] ?? ''));
    if (c !== null) return c;
  }
  return knownCode(details.exc_type) ?? knownCode(details.exc_message);
}

/** The ProviderError for a FAILURE. `scrub` cleans upstream text that is quoted back to the user. */
export function failureFromDetails(details: Record<string, unknown> | null | undefined, scrub: (s: string) => string): ProviderError {
  const code = errorCodeOf(details);
  if (code !== null) {
    const info = SAYMOTION_ERROR_CODES[code]!;
    return new ProviderError(info.code, info.message, info.retryable ?? false);
  }
  const upstream = typeof details?.exc_message === 'string' && details.exc_message.trim() ? scrub(details.exc_message.trim()).slice(0, 300) : null;
  return new ProviderError(
    'provider_failed',
    upstream ? `SayMotion could not finish the job: ${upstream}` : 'SayMotion could not finish the job and gave no reason. Try again or rephrase the prompt.',
  );
}
