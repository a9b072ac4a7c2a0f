/**
 * The fill band (fractions of a bin's cube) the simulator measures every policy's bins against: the
 * runbook's target, whatever band a binwise policy is told to aim at. Kept apart from replay.ts so
 * the report and the Simulation page can name it without bundling the engine.
 */
export const BAND_LOW = 0.6;
export const BAND_HIGH = 0.85;
