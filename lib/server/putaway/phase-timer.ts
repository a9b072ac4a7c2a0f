/**
 * Wall time per phase of one putaway batch, in milliseconds. Phases that run more than
 * once add up. Used by bench:putaway to show where a batch's time goes; costs one
 * performance.now() per phase when nobody listens.
 */
export type PhaseTimings = Record<string, number>;

export type PhaseTimer = {
  /** Ends the phase running since the last mark (or the start) and names it. */
  mark: (phase: string) => void;
  readonly timings: PhaseTimings;
};

export function phaseTimer(now: () => number = () => performance.now()): PhaseTimer {
  const timings: PhaseTimings = {};
  let last = now();
  return {
    timings,
    mark(phase) {
      const t = now();
      timings[phase] = (timings[phase] ?? 0) + (t - last);
      last = t;
    },
  };
}
