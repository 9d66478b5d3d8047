/**
 * Waits `ms` milliseconds, or less: an aborted signal ends the wait at once.
 * Resolves `true` when the whole wait passed, `false` when it was cut short;
 * never rejects, and leaves no timer or listener behind.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve(false);
    const wait = Number.isFinite(ms) && ms > 0 ? Math.min(ms, 2_147_483_647) : 0;
    const done = (passed: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(passed);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), wait);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
