/**
 * Permissions and the roles that hold them. Shared by the server (the real check, in
 * lib/server/auth) and the UI (which only hides what a role cannot use).
 */
export const ROLES = ['SUPERVISOR', 'OPS', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'dashboards.read',
  'recommendations.read',
  'recommendations.create',
  'recommendations.review',
  'heatmap.read',
  'audit.read',
  'cache.read',
  'cache.refresh',
  'flags.read',
  'flags.write',
  'ml.read',
  'ml.train',
  'ml.rollback',
  'simulation.run',
  'tokens.manage',
  'metrics.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Supervisors run receiving: they create batches and decide on recommendations.
  SUPERVISOR: ['dashboards.read', 'recommendations.read', 'recommendations.create', 'recommendations.review', 'heatmap.read'],
  // Ops keep the system healthy: flags, cache, data quality, ML training, API tokens.
  OPS: ['dashboards.read', 'audit.read', 'cache.read', 'cache.refresh', 'flags.read', 'flags.write', 'ml.read', 'ml.train', 'ml.rollback', 'tokens.manage', 'metrics.read', 'recommendations.read'],
  // Managers read: heatmaps, ML accuracy, history, and run what-if simulations.
  MANAGER: ['dashboards.read', 'heatmap.read', 'ml.read', 'simulation.run', 'recommendations.read', 'flags.read'],
  ADMIN: PERMISSIONS,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
