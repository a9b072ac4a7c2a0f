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
