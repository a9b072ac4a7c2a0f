'use client';

import { RouteError, type RouteErrorProps } from '@/components/layout/route-error';

export default function MlError(props: RouteErrorProps) {
  return <RouteError {...props} title="The ML accuracy page could not be loaded" />;
}
