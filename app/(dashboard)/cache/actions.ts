'use server';

import { z } from 'zod';
import { authedAction } from '@/lib/server/action';
import { refreshCacheNow } from '@/lib/server/cache/refresh-cache-now';

export const refreshCacheAction = authedAction('cache.refresh', z.object({}).strict(), (_input, context) => refreshCacheNow(context));
