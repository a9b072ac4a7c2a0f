import type { Permission } from '@/lib/auth/permissions';

/** Dashboard areas. A link shows only for roles that hold its permission. */
export type NavItem = { href: string; label: string; permission: Permission; description: string };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', permission: 'dashboards.read', description: 'Headline figures' },
  { href: '/putaway', label: 'Putaway', permission: 'recommendations.read', description: 'Receipts and the review queue' },
  { href: '/heatmap', label: 'Heatmap', permission: 'heatmap.read', description: 'Live bin utilization' },
  { href: '/simulation', label: 'Simulation', permission: 'simulation.run', description: 'What-if putaway policies' },
  { href: '/ml', label: 'ML accuracy', permission: 'ml.read', description: 'Confidence model quality' },
  { href: '/data-quality', label: 'Data quality', permission: 'audit.read', description: 'Runbook audit' },
  { href: '/cache', label: 'Cache health', permission: 'cache.read', description: 'Utilization cache' },
  { href: '/flags', label: 'Feature flags', permission: 'flags.read', description: 'Rollback toggles' },
  { href: '/tokens', label: 'API tokens', permission: 'tokens.manage', description: 'GraphQL access' },
];
