/**
 * SayMotion's character endpoints: list stock and custom models, upload a custom character through the
 * server (getModelUploadUrl → PUT the bytes to the signed URL → storeModel), and delete one.
 * The browser never sees the signed URLs or the session: uploads go through this proxy.
 */
import { ProviderError } from '../provider.ts';
import type { SayMotionClient } from './saymotionClient.ts';
import { isFbx } from './unpackFbx.ts';
import { DeleteModelReply, ListModelsReply, StoreModelReply, UploadUrlReply, type CharacterModel } from './wireSchemas.ts';

const MODEL_EXTS = ['fbx', 'glb', 'gltf', 'vrm'] as const;
type ModelExt = (typeof MODEL_EXTS)[number];
type ThumbExt = 'png' | 'jpg' | 'jpeg';

/** Character files are a few MB; this bounds memory for one upload held in the server. */
const MAX_CHARACTER_BYTES = 200 * 1024 * 1024;

export interface CharacterUpload {
  name: string;
  ext: ModelExt;
  bytes: Uint8Array;
  thumbnail?: { ext: ThumbExt; bytes: Uint8Array };
  /** Resumable uploads (POST x-goog-resumable: start, then PUT) survive flaky links for large files. */
  resumable?: boolean;
}

export async function listCharacterModels(
  client: SayMotionClient,
  query: { modelId?: string; searchToken?: string; includeStock?: boolean } = {},
  signal?: AbortSignal,
): Promise<CharacterModel[]> {
  return client.get('/character/v1/listModels', ListModelsReply, {
    query: { modelId: query.modelId, searchToken: query.searchToken, stockModel: query.includeStock === false ? undefined : 'all' },
    signal,
  });
}

function startsWithGltfMagic(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x67 && bytes[1] === 0x6c && bytes[2] === 0x54 && bytes[3] === 0x46;
}

/** Refuses files that cannot be what their extension says before spending an upload on them. */
function checkUpload(input: CharacterUpload): void {
  const name = input.name.trim();
  if (!name || name.length > 100 || /[\u0000-\u001f/\\]/.test(name)) {
    throw new ProviderError('invalid_character', 'The character name must be 1–100 characters without slashes or control characters.');
  }
  if (!MODEL_EXTS.includes(input.ext)) throw new ProviderError('invalid_character', `SayMotion accepts characters as ${MODEL_EXTS.join(', ')}.`);
  if (input.bytes.byteLength === 0) throw new ProviderError('invalid_character', 'The character file is empty.');
  if (input.bytes.byteLength > MAX_CHARACTER_BYTES) throw new ProviderError('invalid_character', `The character file is over ${MAX_CHARACTER_BYTES / 1024 / 1024} MB.`);
  const ok = input.ext === 'fbx' ? isFbx(input.bytes) : input.ext === 'gltf' ? input.bytes[0] === 0x7b /* { */ : startsWithGltfMagic(input.bytes);
  if (!ok) throw new ProviderError('invalid_character', `The file is not a valid .${input.ext} file.`);
}

export async function uploadCharacter(client: SayMotionClient, input: CharacterUpload, signal?: AbortSignal): Promise<{ modelId: string }> {
  checkUpload(input);
  const urls = await client.get('/character/v1/getModelUploadUrl', UploadUrlReply, {
    query: { name: input.name.trim(), modelExt: input.ext, thumbExt: input.thumbnail?.ext, resumable: input.resumable ? 1 : 0 },
    signal,
  });
  const put = async (url: string, bytes: Uint8Array) => {
    const target = input.resumable ? await client.startResumableUpload(url, { signal }) : url;
    await client.putFile(target, bytes, { signal });
  };
  await put(urls.modelUrl, input.bytes);
  let thumbUrl: string | undefined;
  if (input.thumbnail) {
    if (!urls.thumbUrl) throw new ProviderError('upload_failed', 'SayMotion did not offer an upload URL for the thumbnail.');
    await put(urls.thumbUrl, input.thumbnail.bytes);
    thumbUrl = urls.thumbUrl;
  }
  // storeModel is a POST: if its reply is lost the model may exist already, so it is not resent.
  const stored = await client.post(
    '/character/v1/storeModel',
    { modelUrl: urls.modelUrl, modelName: input.name.trim(), ...(thumbUrl ? { thumbUrl } : {}), createThumb: thumbUrl ? 0 : 1 },
    StoreModelReply,
    { signal },
  );
  return { modelId: stored.modelId };
}

export async function deleteCharacter(client: SayMotionClient, modelId: string, signal?: AbortSignal): Promise<number> {
  const reply = await client.delete(`/character/v1/deleteModel/${encodeURIComponent(modelId)}`, DeleteModelReply, { signal });
  return reply.count;
}
