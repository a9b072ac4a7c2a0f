import 'server-only';

/**
 * THE list of periodic tasks and background-job handlers. Each import registers its area's
 * tasks (registerPeriodicTask) or job handlers (registerJobHandler) at module load.
 * Add one import line per area; keep this file free of logic.
 */
import '@/lib/server/cache/refresh-task';
import '@/lib/server/affinity/affinity-task';
import '@/lib/server/simulation/simulation-job';
import '@/lib/server/ml/ml-training-task';
