import 'server-only';
import type { ClientBase } from 'pg';

/** The runbook's job name and schedule (Step 2 of the manual deployment), verbatim. */
export const PG_CRON_JOB = 'refresh_bin_util';

type Queryable = Pick<ClientBase, 'query'>;

/** True when the pg_cron extension is installed in this database. */
export async function hasPgCron(client: Queryable): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS ok`);
  return rows[0]?.ok === true;
}

/** True when pg_cron is installed and the named job is scheduled. */
export async function pgCronJobExists(client: Queryable, jobName: string): Promise<boolean> {
  if (!(await hasPgCron(client))) return false;
  const { rows } = await client.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM cron.job WHERE jobname = $1) AS ok`, [jobName]);
  return rows[0]?.ok === true;
}

/**
 * The startup step of the pg_cron path: when the extension exists but the job does not
 * (e.g. pg_cron was installed after the migration ran), schedule it exactly as the runbook
 * does. Returns whether pg_cron now runs the refresh.
 */
export async function ensurePgCronRefresh(client: Queryable): Promise<boolean> {
  if (!(await hasPgCron(client))) return false;
  if (await pgCronJobExists(client, PG_CRON_JOB)) return true;
  await client.query(`SELECT cron.schedule(
  'refresh_bin_util',
  '*/10 * * * *',
  'SELECT scheduled_refresh_bin_utilization();'
)`);
  return true;
}
