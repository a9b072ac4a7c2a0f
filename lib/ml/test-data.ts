import { seededRandom, normal } from './random';
import type { TrainingSample } from './train';

/**
 * A small synthetic decision log for tests: acceptance depends on two features through a
 * known logistic model, so a correct trainer must recover the signs and do well.
 */
export function syntheticSamples(count: number, seed = 1, start = Date.UTC(2026, 0, 1)): TrainingSample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const distance = 20 + 80 * random();
    const fillAfter = random();
    const zone = random() < 0.5 ? 'A' : 'B';
    const logOdds = 3 - 0.05 * distance + 2 * fillAfter + (zone === 'A' ? 0.5 : 0) + 0.3 * normal(random);
    const accepted = random() < 1 / (1 + Math.exp(-logOdds));
    return { features: { distance, fillAfter, zone, crossDock: random() < 0.1 }, accepted, createdAt: new Date(start + i * 60_000) };
  });
}
