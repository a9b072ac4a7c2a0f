'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function DataQualityError(props: RouteErrorProps) {
  return <RouteError {...props} title="The audit could not be run" />;
}
