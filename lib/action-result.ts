/** What every server action returns: serializable, so client components can read it. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        fieldErrors?: Record<string, string[]>;
        details?: Record<string, unknown>;
      };
    };

/** A server action's data, or its refusal thrown as an Error with the server's message (for React Query's `error`). */
export async function unwrapAction<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.data;
}
