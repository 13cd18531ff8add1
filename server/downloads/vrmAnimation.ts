/**
 * VRM Animation (.vrma, the VRMC_vrm_animation glTF extension, as @pixiv/three-vrm-animation reads it): the take
 * on the humanoid skeleton — rest pose the engine's T-pose, nodes keyed by rotation (and the hips by translation)
 * — plus the extension mapping VRM humanoid bone names to those nodes. The engine's joint names are the VRM 1.0
 * humanoid names, so the mapping is the skeleton's own; any VRM character plays the file by bone name.
 * gltf-transform drops extensions it does not know on write, so this is the small Extension that writes it.
 */
import { Extension, Logger, WebIO } from '@gltf-transform/core';
import type { Document, Node, ReaderContext, WriterContext } from '@gltf-transform/core';
import type { VRMCVRMAnimation } from '@pixiv/types-vrmc-vrm-animation-1.0';

const NAME = 'VRMC_vrm_animation';

class VrmAnimationExtension extends Extension {
  static override readonly EXTENSION_NAME = NAME;
  override readonly extensionName = NAME;
  /** VRM humanoid bone name → node, set by addVrmAnimation. */
  humanBones = new Map<string, Node>();

  override read(_context: ReaderContext): this {
    return this;
  }

  override write(context: WriterContext): this {
    const humanBones: Record<string, { node: number }> = {};
    for (const [bone, node] of this.humanBones) {
      const index = context.nodeIndexMap.get(node);
      if (index !== undefined) humanBones[bone] = { node: index };
    }
    const ext: VRMCVRMAnimation = { specVersion: '1.0', humanoid: { humanBones } };
    const json = context.jsonDoc.json;
    json.extensions = { ...json.extensions, [NAME]: ext };
    return this;
  }
}

/**
 * Writes a document holding the take's armature (nodes named by `exportNames`) as a VRM Animation: `vrmNames[j]`
 * is joint j's VRM humanoid bone name.
 */
export async function writeVrmAnimation(doc: Document, exportNames: readonly string[], vrmNames: readonly string[]): Promise<Uint8Array> {
  const ext = doc.createExtension(VrmAnimationExtension);
  const byName = new Map(
    doc
      .getRoot()
      .listNodes()
      .map((n) => [n.getName(), n]),
  );
  exportNames.forEach((name, j) => {
    const node = byName.get(name);
    if (node) ext.humanBones.set(vrmNames[j]!, node);
  });
  // VRMA carries only the humanoid's motion: no skin, mesh or material.
  for (const skin of doc.getRoot().listSkins()) skin.dispose();
  // gltf-transform writes only the extensions registered on the I/O.
  return new WebIO().setLogger(new Logger(Logger.Verbosity.SILENT)).registerExtensions([VrmAnimationExtension]).writeBinary(doc);
}
