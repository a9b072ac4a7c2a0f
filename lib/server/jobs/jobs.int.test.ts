import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { contextFor } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { enqueueJob, getJob, registerJobHandler } from './index';
import { drainJobs } from './worker';

let acme: AuthContext;
let northwind: AuthContext;

beforeAll(async () => {
  acme = await contextFor('manager@acme.test');
  northwind = await contextFor('manager@northwind.test');
  registerJobHandler<{ n: number }, { doubled: number }>('test-double', async (job, reportProgress) => {
    await reportProgress(0.5);
    return { doubled: job.params.n * 2 };
  });
  registerJobHandler('test-fail', async () => {
    throw new Error('deliberate failure');
  });
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

afterAll(async () => {
  // Leave no RUNNING test rows behind for other files.
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`DELETE FROM background_jobs WHERE kind LIKE 'test-%'`);
  await client.end();
});
