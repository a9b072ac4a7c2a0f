/**
 * A throwaway PostgreSQL cluster for the fault suite, so restarting PostgreSQL never touches
 * the shared server on 5432. Idempotent: a leftover cluster of the same name is dropped first.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { config } from './config';

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });

export function clusterExists(): boolean {
  return run('pg_lsclusters', ['-h']).split('\n').some((line) => line.split(/\s+/)[1] === config.faultClusterName);
}

export function dropCluster(): void {
  if (clusterExists()) run('pg_dropcluster', [config.pgVersion, config.faultClusterName, '--stop']);
}

export function createCluster(): string {
  dropCluster();
  run('pg_createcluster', [config.pgVersion, config.faultClusterName, '-p', String(config.faultClusterPort), '--', '--auth=trust']);
  startCluster();
  return `postgresql://postgres@127.0.0.1:${config.faultClusterPort}/binwise_faults`;
}

export function startCluster(): void {
  run('pg_ctlcluster', ['--skip-systemctl-redirect', config.pgVersion, config.faultClusterName, 'start']);
}

/**
 * `pg_ctlcluster … restart` (fast shutdown: open sessions are terminated, as in a failover).
 * Asynchronous, so the load generator in this process keeps running through the outage.
 */
export async function restartCluster(): Promise<void> {
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', config.pgVersion, config.faultClusterName, 'restart', '-m', 'fast'], { timeout: 60_000 });
}
