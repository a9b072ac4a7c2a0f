import type { Metadata } from 'next';
import { LoginForm } from './_components/login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const safeCallback = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold text-indigo-700">Binwise</h1>
        <p className="mb-6 text-sm text-slate-500">Putaway and bin-utilization optimizer</p>
        <LoginForm callbackUrl={safeCallback} />
        <p className="mt-6 text-xs text-slate-500">
          Demo: <code>supervisor@acme.test</code>, <code>ops@acme.test</code>, <code>manager@acme.test</code> or <code>admin@acme.test</code> with the password <code>binwise-demo</code>.
        </p>
      </div>
    </main>
  );
}
