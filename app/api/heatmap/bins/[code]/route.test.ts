import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/server/errors';

const getBinDetail = vi.fn();
vi.mock('@/lib/server/auth/session', () => ({
  requirePermission: vi.fn(async () => ({ userId: 'u', tenantId: 't', tenantName: 'T', role: 'MANAGER', name: 'm', via: 'session' })),
}));
vi.mock('@/lib/server/heatmap/get-bin-detail', () => ({ getBinDetail: (...args: unknown[]) => getBinDetail(...args) }));

const { GET } = await import('./route');
const call = (code: string) => GET(new Request(`http://localhost/api/heatmap/bins/x`), { params: Promise.resolve({ code }) });

describe('GET /api/heatmap/bins/[code]', () => {
  beforeEach(() => getBinDetail.mockReset());

  it('passes the already-decoded code through without decoding it a second time', async () => {
    getBinDetail.mockResolvedValue({ code: 'A-1' });
    for (const code of ['%', '%y+', '%E0%A4%A', 'PAP-03-12-2']) {
      const answer = await call(code);
      expect(answer.status).toBe(200);
      expect(getBinDetail).toHaveBeenLastCalledWith(expect.anything(), { code });
    }
  });

  it('answers an unknown code with 404 NOT_FOUND and a malformed one with 400, never 500', async () => {
    getBinDetail.mockRejectedValueOnce(new AppError('NOT_FOUND', 'No bin with code ZZ-9.'));
    const missing = await call('ZZ-9');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No bin with code ZZ-9.' } });
    getBinDetail.mockRejectedValueOnce(new AppError('BAD_USER_INPUT', 'code: may contain letters, digits, dot, dash and underscore'));
    expect((await call('%')).status).toBe(400);
  });
});
