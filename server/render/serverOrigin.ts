/**
 * The server's own base URL, known only once it listens (the port may be 0 → chosen by the OS).
 * The local renderer opens the studio's render page on it; an in-process app (tests driving
 * `app.request()`) has no socket, so the origin stays unset and render jobs say so.
 */
export class ServerOrigin {
  private url: string | null = null;
  private readonly waiters = new Set<() => void>();

  set(url: string | null): void {
    this.url = url ? url.replace(/\/+$/, '') : null;
    if (this.url) for (const wake of this.waiters) wake();
  }

  get(): string | null {
    return this.url;
  }

  /**
   * The origin, waiting up to `ms` for it: jobs resumed at start-up run before the socket is listening.
   * Null when it never came (an in-process app with no socket).
   */
  async wait(ms: number, signal?: AbortSignal): Promise<string | null> {
    if (this.url || ms <= 0) return this.url;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
    return this.url;
  }
}

/** The URL a local client reaches a listening address at: wildcard binds are reached over loopback. */
export function originOf(info: { address: string; family: string; port: number }): string {
  const v6 = info.family === 'IPv6' || info.address.includes(':');
  let host = info.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  else if (host === '::') host = '::1';
  return `http://${v6 ? `[${host}]` : host}:${info.port}`;
}
