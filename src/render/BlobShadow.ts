/**
 * A soft contact shadow under the root: a radial-gradient disc on the floor. Grid cells use it instead of shadow
 * maps, which would be re-rendered once per cell per frame (eight shadow passes for eight takes).
 */
import { CircleGeometry, DataTexture, Mesh, MeshBasicMaterial, RGBAFormat } from 'three';

let shared: { geometry: CircleGeometry; material: MeshBasicMaterial } | null = null;

function gradient(size = 64): DataTexture {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5) / (size / 2);
      const a = Math.max(0, 1 - d) ** 1.6;
      data.set([0, 0, 0, Math.round(a * 170)], (y * size + x) * 4);
    }
  }
  const t = new DataTexture(data, size, size, RGBAFormat);
  t.needsUpdate = true;
  return t;
}

export function createBlobShadow(radius = 0.45): Mesh {
  shared ??= {
    geometry: new CircleGeometry(1, 32).rotateX(-Math.PI / 2),
    material: new MeshBasicMaterial({ map: gradient(), transparent: true, depthWrite: false }),
  };
  const mesh = new Mesh(shared.geometry, shared.material);
  mesh.scale.setScalar(radius);
  mesh.position.y = 0.003;
  mesh.renderOrder = 1;
  mesh.name = 'blob-shadow';
  return mesh;
}
