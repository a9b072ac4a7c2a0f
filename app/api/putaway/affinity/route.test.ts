import { beforeEach, describe, expect, it, vi } from 'vitest';

const refreshAffinityNow = vi.fn(async () => ({ pairs: 3 }));
vi.mock('@/lib/server/auth/session', () => ({
  requirePermission: vi.fn(async () => ({ userId: 'u', tenantId: 't', tenantName: 'T', role: 'OPS', name: 'ops', via: 'session' })),
}));
vi.mock('@/lib/server/affinity/refresh-affinity-now', () => ({ refreshAffinityNow: () => refreshAffinityNow() }));
vi.mock('@/lib/server/affinity/get-affinity-status', () => ({ getAffinityStatus: vi.fn() }));

const { POST } = await import('./route');
const post = (headers: Record<string, string>) => POST(new Request('http://127.0.0.1:3400/api/putaway/affinity', { method: 'POST', headers: { host: '127.0.0.1:3400', ...headers } }));

describe('POST /api/putaway/affinity', () => {
  beforeEach(() => refreshAffinityNow.mockClear());

  it('refuses a session-cookie refresh from a foreign Origin with 403 FORBIDDEN and refreshes nothing', async () => {
    const answer = await post({ origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('Origin') } });
    expect(refreshAffinityNow).not.toHaveBeenCalled();
  });

  it('refuses a session-cookie refresh without an Origin', async () => {
    expect((await post({})).status).toBe(403);
    expect(refreshAffinityNow).not.toHaveBeenCalled();
  });

  it('runs the refresh when the Origin is this site', async () => {
    const answer = await post({ origin: 'http://127.0.0.1:3400' });
    expect(answer.status).toBe(200);
    expect(refreshAffinityNow).toHaveBeenCalledOnce();
  });
});
