/**
 * Demo sign-ins created by the seed: one user per role in each tenant, all with the same
 * password. Imported by the README, the start script and the Playwright tests.
 */
export type DemoRole = 'SUPERVISOR' | 'OPS' | 'MANAGER' | 'ADMIN';
export type DemoUser = { email: string; password: string; role: DemoRole; name: string; tenantCode: 'acme-print' | 'northwind-press' };

export const DEMO_PASSWORD = 'binwise-demo';

export const DEMO_TENANTS = [
  { code: 'acme-print', name: 'Acme Print Co.', emailDomain: 'acme.test' },
  { code: 'northwind-press', name: 'Northwind Press', emailDomain: 'northwind.test' },
] as const;

const ROLES: { role: DemoRole; local: string; title: string }[] = [
  { role: 'SUPERVISOR', local: 'supervisor', title: 'Warehouse Supervisor' },
  { role: 'OPS', local: 'ops', title: 'Operations Engineer' },
  { role: 'MANAGER', local: 'manager', title: 'Operations Manager' },
  { role: 'ADMIN', local: 'admin', title: 'Administrator' },
];

export const DEMO_USERS: readonly DemoUser[] = DEMO_TENANTS.flatMap((t) =>
  ROLES.map((r) => ({ email: `${r.local}@${t.emailDomain}`, password: DEMO_PASSWORD, role: r.role, name: `${t.name.split(' ')[0]} ${r.title}`, tenantCode: t.code })),
);
