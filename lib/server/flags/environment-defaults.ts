import 'server-only';
import type { RawFlagValues } from './resolve-flags';
import { env } from '../env';

/** The flag defaults from the environment (the ConfigMap), as raw strings. */
export function environmentFlagDefaults(): RawFlagValues {
  const config = env();
  return {
    BIN_OPTIMIZATION_ALGORITHM: config.BIN_OPTIMIZATION_ALGORITHM,
    SKU_AFFINITY_ENABLED: config.SKU_AFFINITY_ENABLED,
    CROSS_DOCK_ENABLED: config.CROSS_DOCK_ENABLED,
    CONGESTION_AVOIDANCE_ENABLED: config.CONGESTION_AVOIDANCE_ENABLED,
    ML_MODEL_ENABLED: config.ML_MODEL_ENABLED,
  };
}
