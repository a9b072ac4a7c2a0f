/** Demo accounts per role (seeded by prisma/seed) and where each signed-in state is saved. */
export const PASSWORD = 'binwise-demo';

export const ACCOUNTS = {
  supervisor: 'supervisor@acme.test',
  ops: 'ops@acme.test',
  manager: 'manager@acme.test',
  admin: 'admin@acme.test',
  otherTenantSupervisor: 'supervisor@northwind.test',
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export const storageStateOf = (name: AccountName) => `e2e/.auth/${name}.json`;
