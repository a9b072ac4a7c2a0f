'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function CacheError(props: RouteErrorProps) {
  return <RouteError {...props} title="Cache health could not be loaded" />;
}
