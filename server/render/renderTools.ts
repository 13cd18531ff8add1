/**
 * The two system programs local rendering drives: Debian's Chromium (draws the frames) and ffmpeg
 * (encodes them). Checked before each render so a missing one fails the job at once with the
 * apt package to install, instead of a spawn error halfway through.
 */
import fs from 'node:fs/promises';
import { ProviderError } from '../contract/providerError.ts';

export interface RenderTools {
  chromiumPath: string;
  ffmpegPath: string;
}

export const DEFAULT_RENDER_TOOLS: RenderTools = { chromiumPath: '/usr/bin/chromium', ffmpegPath: '/usr/bin/ffmpeg' };

/** `KINEMA_CHROMIUM_PATH` / `KINEMA_FFMPEG_PATH` override the Debian locations (e.g. /usr/lib/chromium/chromium). */
export function renderToolsFromEnv(env: Record<string, string | undefined> = process.env): RenderTools {
  return {
    chromiumPath: env.KINEMA_CHROMIUM_PATH?.trim() || DEFAULT_RENDER_TOOLS.chromiumPath,
    ffmpegPath: env.KINEMA_FFMPEG_PATH?.trim() || DEFAULT_RENDER_TOOLS.ffmpegPath,
  };
}

async function executable(file: string): Promise<boolean> {
  try {
    await fs.access(file, fs.constants.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Throws a `render_tool_missing` ProviderError naming every missing program and its Debian package. */
export async function requireRenderTools(tools: RenderTools): Promise<void> {
  const missing: string[] = [];
  if (!(await executable(tools.chromiumPath))) {
    missing.push(`Chromium (looked for ${tools.chromiumPath}): install it with \`apt-get install chromium\`, or set KINEMA_CHROMIUM_PATH`);
  }
  if (!(await executable(tools.ffmpegPath))) {
    missing.push(`ffmpeg (looked for ${tools.ffmpegPath}): install it with \`apt-get install ffmpeg\`, or set KINEMA_FFMPEG_PATH`);
  }
  if (missing.length > 0) {
    throw new ProviderError('render_tool_missing', `Local rendering needs programs this server does not have. ${missing.join('. ')}. Then run the render again.`);
  }
}
