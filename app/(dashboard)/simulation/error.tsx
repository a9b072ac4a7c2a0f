'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function SimulationError(props: RouteErrorProps) {
  return <RouteError {...props} title="The simulation page could not be loaded" />;
}
