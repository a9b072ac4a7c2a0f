import { abcClassBased } from './abc-class-based';
import { firstFitByCode } from './first-fit-by-code';
import { randomFit } from './random-fit';
import type { Policy } from './types';

export const BASELINE_POLICIES: readonly Policy[] = [firstFitByCode, randomFit, abcClassBased];
