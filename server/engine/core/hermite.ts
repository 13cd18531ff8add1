/** Cubic Hermite interpolation at u ∈ [0, 1] between p0 and p1 with tangents m0, m1 (already scaled to the interval). */
export function hermite(u: number, p0: number, m0: number, p1: number, m1: number): number {
  const u2 = u * u,
    u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * m1;
}
