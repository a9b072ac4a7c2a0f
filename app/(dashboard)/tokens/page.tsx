import { requirePagePermission } from '@/lib/server/auth/page-access';
import { findApiTokens } from '@/lib/server/tokens/find-api-tokens';
import { TokenManager } from './_components/token-manager';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const context = await requirePagePermission('tokens.manage');
  const tokens = await findApiTokens(context);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Tokens for the GraphQL API at <code className="font-mono">/graphql</code> (<code className="font-mono">Authorization: Bearer &lt;token&gt;</code>). Each token
          acts for {context.tenantName} with the permissions of its role. The secret is shown once; only its SHA-256 is stored.
        </p>
      </div>
      <TokenManager tokens={tokens} canCreateAdmin={context.role === 'ADMIN'} />
    </section>
  );
}
