import type { Role } from '@/lib/auth/permissions';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
    tenantId: string;
    tenantName: string;
  }
  interface Session {
    user: {
      id: string;
      name?: string | null;
      email?: string | null;
      role: Role;
      tenantId: string;
      tenantName: string;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId: string;
    role: Role;
    tenantId: string;
    tenantName: string;
  }
}
