'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function HeatmapError(props: RouteErrorProps) {
  return <RouteError {...props} title="The heatmap could not be loaded" />;
}
