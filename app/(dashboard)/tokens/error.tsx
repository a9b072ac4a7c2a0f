'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function TokensError(props: RouteErrorProps) {
  return <RouteError {...props} title="API tokens could not be loaded" />;
}
