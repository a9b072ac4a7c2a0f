/**
 * fast-check settings for every suite: RELIABILITY_SEED replays a failing run exactly
 * (fast-check prints the seed with every counterexample); unset, each run explores anew.
 */
import fc from 'fast-check';

const seed = process.env.RELIABILITY_SEED;
if (seed) fc.configureGlobal({ seed: Number(seed) });
