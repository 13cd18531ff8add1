import { describe, expect, test } from 'vitest';
import { proxyParts } from './SceneProxies.tsx';

describe('scene proxies', () => {
  test('stairs are one block per step, rising to the full height at the far end', () => {
    const blocks = proxyParts({ kind: 'stairs', position: [0, 0, 1], yaw: 0, size: [0.9, 0.54, 0.84], steps: 3 });
    expect(blocks).toHaveLength(3);
    expect(blocks.map((b) => Number(b.size[1].toFixed(2)))).toEqual([0.18, 0.36, 0.54]);
    // Treads follow each other front to back, each 28 cm deep, and together span the flight.
    expect(blocks.map((b) => Number(b.at[2].toFixed(2)) + 0)).toEqual([-0.28, 0, 0.28]);
  });

  test('a ladder has two rails and its rungs; a box is one block standing on its base', () => {
    expect(proxyParts({ kind: 'ladder', position: [0, 0, 0.3], yaw: 0, size: [0.5, 4, 0.06], steps: 13 })).toHaveLength(15);
    const [box] = proxyParts({ kind: 'box', position: [0, 0, 0.45], yaw: 0, size: [0.7, 0.3, 0.5] });
    expect(box).toEqual({ size: [0.7, 0.3, 0.5], at: [0, 0.15, 0] });
  });
});
