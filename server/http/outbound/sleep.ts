/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts (a job canceled, the server
 * stopping). The timer is unref'd: a pending back-off alone must not keep a stopping process alive.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    timer.unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
