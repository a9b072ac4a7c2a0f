'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function DashboardError(props: RouteErrorProps) {
  return <RouteError {...props} title="This page could not be loaded" />;
}
