'use client';

import { useState, useTransition } from 'react';
import { ROLES, type Role } from '@/lib/auth/permissions';
import type { ApiTokenView } from '@/lib/server/tokens/find-api-tokens';
import { createTokenAction, revokeTokenAction } from '../actions';

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Create (secret shown once), list and revoke the tenant's API tokens. */
export function TokenManager({ tokens, canCreateAdmin }: { tokens: ApiTokenView[]; canCreateAdmin: boolean }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('SUPERVISOR');
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function create(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await createTokenAction({ name, role, expiresInDays: expiresInDays ? Number(expiresInDays) : null });
      if (!result.ok) return setError(result.error.message);
      setSecret({ name: result.data.record.name, token: result.data.token });
      setName('');
    });
  }

  function revoke(token: ApiTokenView) {
    if (!window.confirm(`Revoke "${token.name}"? Requests with it will fail at once.`)) return;
    startTransition(async () => {
      const result = await revokeTokenAction({ tokenId: token.tokenId });
      if (!result.ok) setError(result.error.message);
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" aria-label="Create API token">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Name</span>
          <input className="w-56 rounded border border-slate-300 px-2 py-1" aria-label="Token name" value={name} onChange={(e) => setName(e.target.value)} placeholder="receiving system" required minLength={3} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Role</span>
          <select className="rounded border border-slate-300 px-2 py-1" aria-label="Token role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.filter((r) => r !== 'ADMIN' || canCreateAdmin).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Expires after (days, empty = never)</span>
          <input className="w-24 rounded border border-slate-300 px-2 py-1" aria-label="Expires after days" inputMode="numeric" value={expiresInDays} onChange={(e) => setExpiresInDays(e.target.value.replace(/\D/g, ''))} />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-1.5 font-medium text-white disabled:opacity-50">
          Create token
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {secret ? (
        <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-semibold text-emerald-900">Token &quot;{secret.name}&quot; created. Copy it now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono" aria-label="New token">
            {secret.token}
          </code>
          <div className="mt-2 flex gap-3">
            <button type="button" className="underline" onClick={() => navigator.clipboard?.writeText(secret.token)}>
              Copy
            </button>
            <button type="button" className="underline" onClick={() => setSecret(null)}>
              I saved it
            </button>
          </div>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-2xl text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="p-2">Name</th>
              <th>Prefix</th>
              <th>Role</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Expires</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={8} className="p-4 text-center text-slate-500">
                  No tokens yet.
                </td>
              </tr>
            ) : null}
            {tokens.map((t) => {
              const expired = t.expiresAt !== null && new Date(t.expiresAt).getTime() < Date.now();
              return (
                <tr key={t.tokenId} className="border-t border-slate-100">
                  <td className="p-2">{t.name}</td>
                  <td className="font-mono">{t.prefix}…</td>
                  <td>{t.role}</td>
                  <td>{date(t.createdAt)}</td>
                  <td>{date(t.lastUsedAt)}</td>
                  <td>{date(t.expiresAt)}</td>
                  <td>{t.revokedAt ? <span className="text-red-700">revoked</span> : expired ? <span className="text-amber-700">expired</span> : <span className="text-emerald-700">active</span>}</td>
                  <td className="p-2 text-right">
                    {!t.revokedAt ? (
                      <button type="button" className="text-red-700 underline" aria-label={`Revoke ${t.name}`} disabled={pending} onClick={() => revoke(t)}>
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
