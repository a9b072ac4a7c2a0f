import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '../env';
import { verifyCredentials } from './verify-credentials';

function clientKeyOf(headers: Record<string, unknown> | undefined): string {
  const forwarded = String(headers?.['x-forwarded-for'] ?? '').split(',')[0]?.trim();
  return forwarded || String(headers?.['x-real-ip'] ?? 'local');
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ? env().NEXTAUTH_SECRET : undefined,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        return verifyCredentials(credentials, clientKeyOf(request?.headers));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.tenantId = user.tenantId;
        token.tenantName = user.tenantName;
        token.role = user.role;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.userId,
        tenantId: token.tenantId,
        tenantName: token.tenantName,
        role: token.role,
      };
      return session;
    },
  },
};
