/**
 * The attack surface, discovered rather than listed by hand, so an endpoint added tomorrow
 * is fuzzed tomorrow: every route handler under app/ (methods and the permission it
 * requires, read from its source) and every server action in the build's
 * server-reference-manifest.json (its page, export name and permission).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { config } from './config';

export type RouteHandler = { file: string; pattern: string; methods: string[]; permissions: string[]; dynamic: boolean };
export type ServerAction = { id: string; page: string; exportedName: string; filename: string | null; permission: string | null };

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

/** `app/(dashboard)/putaway/page` → `/putaway`; `app/api/bins/[id]/route.ts` → `/api/bins/[id]`. */
export function urlOf(appRelative: string): string {
  const parts = appRelative
    .replace(/\\/g, '/')
    .replace(/^app\//, '')
    .replace(/\/?(page|route)(\.tsx?|\.js)?$/, '')
    .split('/')
    .filter((part) => part && !/^\(.*\)$/.test(part) && !part.startsWith('@'));
  return `/${parts.join('/')}`;
}

function permissionsIn(source: string): string[] {
  return [...new Set([...source.matchAll(/(?:requirePermission|assertPermission|authedAction|requirePagePermission)\(\s*(?:[\w.]+\s*,\s*)?['"]([a-z]+\.[a-z]+)['"]/g)].map((m) => m[1]!))];
}

export function discoverRouteHandlers(appDir = config.appDir): RouteHandler[] {
  const app = path.join(appDir, 'app');
  return walk(app)
    .filter((file) => /\/route\.(ts|js)$/.test(file))
    .map((file) => {
      const relative = path.relative(appDir, file);
      const source = readFileSync(file, 'utf8');
      const methods = METHODS.filter((method) =>
        new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${method}\\b|\\bas\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b`).test(source),
      );
      const pattern = urlOf(relative);
      return { file: relative, pattern, methods, permissions: permissionsIn(source), dynamic: pattern.includes('[') };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export type Page = { file: string; pattern: string; permissions: string[] };

/** Dashboard pages and the permission each one's guard names. */
export function discoverPages(appDir = config.appDir): Page[] {
  return walk(path.join(appDir, 'app'))
    .filter((file) => /\/page\.(tsx|ts|js)$/.test(file) && file.includes('(dashboard)'))
    .map((file) => {
      const relative = path.relative(appDir, file);
      return { file: relative, pattern: urlOf(relative), permissions: permissionsIn(readFileSync(file, 'utf8')) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

type ManifestEntry = { workers?: Record<string, unknown>; exportedName?: string; filename?: string };

function actionPermission(filename: string | null, exportedName: string): string | null {
  if (!filename) return null;
  const file = path.join(config.appDir, filename);
  if (!existsSync(file)) return null;
  const source = readFileSync(file, 'utf8');
  const start = source.search(new RegExp(`export\\s+(const|async\\s+function|function)\\s+${exportedName}\\b`));
  if (start < 0) return null;
  const rest = source.slice(start);
  const next = rest.slice(1).search(/\nexport\s/);
  return permissionsIn(next < 0 ? rest : rest.slice(0, next + 1))[0] ?? null;
}

export function discoverServerActions(appDir = config.appDir): ServerAction[] {
  const manifestPath = path.join(appDir, '.next/server/server-reference-manifest.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { node?: Record<string, ManifestEntry> };
  const actions: ServerAction[] = [];
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    const workers = Object.entries(entry.workers ?? {});
    const pageWorker = workers.find(([name]) => name.endsWith('/page')) ?? workers[0];
    if (!pageWorker) continue;
    const workerInfo = (pageWorker[1] ?? {}) as { exportedName?: string; filename?: string };
    const exportedName = entry.exportedName ?? workerInfo.exportedName ?? `action_${id.slice(0, 8)}`;
    const filename = entry.filename ?? workerInfo.filename ?? null;
    actions.push({ id, page: urlOf(pageWorker[0]), exportedName, filename, permission: actionPermission(filename, exportedName) });
  }
  return actions.sort((a, b) => `${a.page}${a.exportedName}`.localeCompare(`${b.page}${b.exportedName}`));
}
