import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { contextFor } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { enqueueJob, getJob, registerJobHandler } from './index';
import { drainJobs, runClaimedJob } from './worker';
import type { ClaimedJob } from './handlers';

let acme: AuthContext;
let northwind: AuthContext;
let db: pg.Client;

type ClaimRow = { job_id: string; tenant_id: string; kind: string; params: unknown; created_by: string | null; attempts: number };

/** One claim as a replica's worker makes it, optionally with a lease other than the default. */
async function claimDirect(kind: string, lease?: string): Promise<ClaimRow | undefined> {
  const { rows } = lease
    ? await db.query<ClaimRow>(`SELECT * FROM binwise_claim_background_job(ARRAY[$1], $2::interval)`, [kind, lease])
    : await db.query<ClaimRow>(`SELECT * FROM binwise_claim_background_job(ARRAY[$1])`, [kind]);
  return rows[0];
}

/** What a worker that stopped beating leaves behind: a RUNNING job with an old heartbeat. */
async function ageHeartbeat(jobId: string, age: string): Promise<void> {
  await db.query(`UPDATE background_jobs SET heartbeat_at = now() - $2::interval WHERE job_id = $1`, [jobId, age]);
}

function asClaimedJob(row: ClaimRow): ClaimedJob {
  return { id: row.job_id, tenantId: row.tenant_id, kind: row.kind, params: row.params, createdBy: row.created_by, attempts: row.attempts };
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  acme = await contextFor('manager@acme.test');
  northwind = await contextFor('manager@northwind.test');
  registerJobHandler<{ n: number }, { doubled: number }>('test-double', async (job, reportProgress) => {
    await reportProgress(0.5);
    return { doubled: job.params.n * 2 };
  });
  registerJobHandler('test-fail', async () => {
    throw new Error('deliberate failure');
  });
  registerJobHandler('test-lease-retry', async (job, reportProgress) => {
    await reportProgress(0.25);
    return { attempt: job.attempts };
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('background jobs', () => {
  it('runs a queued job to SUCCEEDED with its result and full progress', async () => {
    const id = await enqueueJob(acme, 'test-double', { n: 21 });
    expect((await getJob(acme, id)).status).toBe('QUEUED');
    await drainJobs();
    const job = await getJob(acme, id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1, result: { doubled: 42 }, error: null, createdBy: acme.userId });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
  });

  it('records a thrown error as FAILED', async () => {
    const id = await enqueueJob(acme, 'test-fail', {});
    await drainJobs();
    expect(await getJob(acme, id)).toMatchObject({ status: 'FAILED', error: 'deliberate failure' });
  });

  it("hides another tenant's job as NOT_FOUND", async () => {
    const id = await enqueueJob(acme, 'test-double', { n: 1 });
    await expect(getJob(northwind, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await drainJobs();
  });

  it('refuses an invalid kind with BAD_USER_INPUT', async () => {
    await expect(enqueueJob(acme, 'Bad Kind!', {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('never hands the same job to two concurrent claimers (SKIP LOCKED)', async () => {
    const ids = [await enqueueJob(acme, 'test-claim', {}), await enqueueJob(northwind, 'test-claim', {})];
    const a = new pg.Client({ connectionString: inject('databaseUrl') });
    const b = new pg.Client({ connectionString: inject('databaseUrl') });
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      const first = (await a.query(`SELECT * FROM binwise_claim_background_job(ARRAY['test-claim'])`)).rows[0];
      const second = (await b.query(`SELECT * FROM binwise_claim_background_job(ARRAY['test-claim'])`)).rows[0];
      expect(new Set([first.job_id, second.job_id])).toEqual(new Set(ids));
      await a.query('COMMIT');
      await b.query('COMMIT');
    } finally {
      await a.end();
      await b.end();
    }
  });
});

describe('the background-job lease', () => {
  it('requeues a RUNNING job whose heartbeat is older than the lease and claims it again as attempt 2', async () => {
    const id = await enqueueJob(acme, 'test-lease-requeue', {});
    expect(await claimDirect('test-lease-requeue')).toMatchObject({ job_id: id, attempts: 1 });
    await ageHeartbeat(id, '10 minutes');
    expect(await claimDirect('test-lease-requeue')).toMatchObject({ job_id: id, attempts: 2 });
    const job = await getJob(acme, id);
    expect(job).toMatchObject({ status: 'RUNNING', attempts: 2, progress: 0, error: null });
    expect(job.heartbeatAt).not.toBeNull();
  });

  it('fails a job whose worker was lost 3 times with "worker lost after 3 attempts"', async () => {
    const id = await enqueueJob(acme, 'test-lease-fail', {});
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await claimDirect('test-lease-fail')).toMatchObject({ job_id: id, attempts: attempt });
      await ageHeartbeat(id, '10 minutes');
    }
    expect(await claimDirect('test-lease-fail')).toBeUndefined();
    const job = await getJob(acme, id);
    expect(job).toMatchObject({ status: 'FAILED', attempts: 3, error: 'worker lost after 3 attempts' });
    expect(job.finishedAt).not.toBeNull();
  });

  it('leaves a job with a fresh heartbeat to its worker', async () => {
    const id = await enqueueJob(acme, 'test-lease-fresh', {});
    expect(await claimDirect('test-lease-fresh')).toMatchObject({ job_id: id, attempts: 1 });
    expect(await claimDirect('test-lease-fresh')).toBeUndefined();
    expect(await getJob(acme, id)).toMatchObject({ status: 'RUNNING', attempts: 1 });
  });

  it('takes the lease as the claim function’s second argument', async () => {
    const id = await enqueueJob(acme, 'test-lease-arg', {});
    await claimDirect('test-lease-arg');
    await ageHeartbeat(id, '30 seconds');
    expect(await claimDirect('test-lease-arg', '1 hour')).toBeUndefined();
    expect(await claimDirect('test-lease-arg', '10 seconds')).toMatchObject({ job_id: id, attempts: 2 });
  });

  it('reaps only the kinds the claiming worker can run', async () => {
    const id = await enqueueJob(acme, 'test-lease-other', {});
    await claimDirect('test-lease-other');
    await ageHeartbeat(id, '10 minutes');
    expect(await claimDirect('test-lease-unrelated')).toBeUndefined();
    expect(await getJob(acme, id)).toMatchObject({ status: 'RUNNING', attempts: 1 });
  });

  it('renews the lease when the handler reports progress', async () => {
    const id = await enqueueJob(acme, 'test-lease-progress', {});
    const row = await claimDirect('test-lease-progress');
    if (!row) throw new Error('the job was not claimed');
    await ageHeartbeat(id, '10 minutes');
    let stolen: ClaimRow | undefined;
    registerJobHandler('test-lease-progress', async (_job, reportProgress) => {
      await reportProgress(0.5);
      stolen = await claimDirect('test-lease-progress');
      return {};
    });
    await runClaimedJob(asClaimedJob(row));
    expect(stolen).toBeUndefined();
    expect(await getJob(acme, id)).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it('renews the lease on a timer while a handler runs without reporting progress', async () => {
    const id = await enqueueJob(acme, 'test-lease-timer', {});
    const row = await claimDirect('test-lease-timer');
    if (!row) throw new Error('the job was not claimed');
    await ageHeartbeat(id, '10 minutes');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let stolen: ClaimRow | undefined;
    registerJobHandler('test-lease-timer', async () => {
      vi.advanceTimersByTime(20_000);
      // The beat runs in the background: wait for its write, then try to steal the job.
      await vi.waitFor(async () => {
        const { rows } = await db.query(`SELECT heartbeat_at > now() - interval '1 minute' AS fresh FROM background_jobs WHERE job_id = $1`, [id]);
        expect(rows[0].fresh).toBe(true);
      });
      stolen = await claimDirect('test-lease-timer');
      return {};
    });
    await runClaimedJob(asClaimedJob(row));
    expect(stolen).toBeUndefined();
    expect(await getJob(acme, id)).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it("keeps the retry's result when a worker presumed dead finishes afterwards", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const id = await enqueueJob(acme, 'test-lease-retry', {});
    const first = await claimDirect('test-lease-retry');
    if (!first) throw new Error('the job was not claimed');
    await ageHeartbeat(id, '10 minutes');
    await drainJobs();
    expect(await getJob(acme, id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, progress: 1, result: { attempt: 2 } });

    await runClaimedJob(asClaimedJob(first));
    expect(await getJob(acme, id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, progress: 1, result: { attempt: 2 } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`job test-lease-retry ${id} attempt 1 lost its lease`));
  });

  it("keeps a retry running when a worker presumed dead fails afterwards", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const id = await enqueueJob(acme, 'test-lease-stale-fail', {});
    const first = await claimDirect('test-lease-stale-fail');
    if (!first) throw new Error('the job was not claimed');
    await ageHeartbeat(id, '10 minutes');
    expect(await claimDirect('test-lease-stale-fail')).toMatchObject({ job_id: id, attempts: 2 });
    registerJobHandler('test-lease-stale-fail', async () => {
      throw new Error('the stale worker crashed late');
    });
    await runClaimedJob(asClaimedJob(first));
    expect(await getJob(acme, id)).toMatchObject({ status: 'RUNNING', attempts: 2, error: null });
  });
});

afterAll(async () => {
  // Leave no RUNNING test rows behind for other files.
  await db.query(`DELETE FROM background_jobs WHERE kind LIKE 'test-%'`);
  await db.end();
});
