'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function PutawayError(props: RouteErrorProps) {
  return <RouteError {...props} title="The putaway queue could not be loaded" />;
}
