/** Reuses one in-flight or recent answer for a while; a failed load is never reused. */
export class Reused<T> {
  private hit: { at: number; value: Promise<T> } | null = null;

  get(ttlMs: number, load: () => Promise<T>): Promise<T> {
    if (this.hit && Date.now() - this.hit.at < ttlMs) return this.hit.value;
    const value = load();
    const hit = { at: Date.now(), value };
    this.hit = hit;
    value.catch(() => {
      if (this.hit === hit) this.hit = null;
    });
    return value;
  }

  clear(): void {
    this.hit = null;
  }
}
