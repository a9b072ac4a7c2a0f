import 'server-only';

export class CheckTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`did not answer within ${timeoutMs} ms`);
    this.name = 'CheckTimeoutError';
  }
}

/** Resolves with `work`, or rejects with CheckTimeoutError after `timeoutMs`; the timer never outlives the race. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
