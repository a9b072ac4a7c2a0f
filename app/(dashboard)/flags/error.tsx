'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function FlagsError(props: RouteErrorProps) {
  return <RouteError {...props} title="The feature flags could not be loaded" />;
}
