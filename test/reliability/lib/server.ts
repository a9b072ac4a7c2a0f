/**
 * Starts and stops extra `next start` processes for the fault suite (each with its own
 * database, pool size or port). The main server is started by scripts/test-reliability.sh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { config } from './config';
import { waitForServer } from './http';

export type AppServer = { port: number; url: string; child: ChildProcess; stop(): Promise<void>; kill9(): Promise<void> };

export function serverEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: config.nextauthSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    METRICS_TOKEN: config.metricsToken,
    SCHEDULER_ENABLED: 'false',
    ...extra,
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(options: { port: number; databaseUrl: string; env?: Record<string, string>; name: string }): Promise<AppServer> {
  const logDir = path.join(path.dirname(config.resultsDir), 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `${options.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [path.join(config.appDir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: config.appDir,
    env: serverEnv(options.databaseUrl, options.port, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: `next start` forks next-server, and a kill must reach both.
    detached: true,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  await waitForServer(url, 60_000);
  return {
    port: options.port,
    url,
    child,
    async stop() {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
    },
    async kill9() {
      signalGroup(child, 'SIGKILL');
      await exited(child);
    },
  };
}
