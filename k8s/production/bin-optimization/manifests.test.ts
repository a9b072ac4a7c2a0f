import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { FLAG_KEYS, parseFlagValue } from '@/lib/schemas/flags';

// No cluster or Docker engine runs here, so the manifests are validated against the
// Kubernetes OpenAPI schemas (kubernetes-models) plus what the runbook requires of them.
const here = import.meta.dirname;
const root = path.resolve(here, '../../..');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(here, file), 'utf8'))
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'batch/v1/CronJob': CronJob,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
};

const configMaps = load('configmap.yaml');
const deploymentDocs = load('deployment.yaml');
const cronJobs = load('cronjob.yaml');
const all = [...configMaps, ...deploymentDocs, ...cronJobs];

const deployment = new Deployment(deploymentDocs.find((doc) => doc.kind === 'Deployment') as never);
const podSpec = deployment.spec!.template.spec!;
const web = podSpec.containers[0]!;

describe('Kubernetes manifests', () => {
  it.each(all.map((doc) => [`${doc.kind} ${doc.metadata.name}`, doc] as const))('%s is valid against the Kubernetes schema', (_, doc) => {
    const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
    expect(Model, `no model for ${doc.apiVersion} ${doc.kind}`).toBeDefined();
    expect(() => new Model!(doc as never).validate()).not.toThrow();
    expect(doc.metadata.namespace).toBe('production');
  });

  it('rejects a broken manifest, so the validation really runs', () => {
    const broken = structuredClone(deploymentDocs.find((doc) => doc.kind === 'Deployment')!) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'three';
    expect(() => new Deployment(broken as never).validate()).toThrow(/replicas/);
  });

  it('defines the bin-optimization-config ConfigMap with a valid default for every flag', () => {
    const config = new ConfigMap(configMaps[0] as never);
    expect(config.metadata?.name).toBe('bin-optimization-config');
    for (const key of FLAG_KEYS) expect(parseFlagValue(key, config.data?.[key]), key).not.toBeUndefined();
  });

  it('runs three replicas with readiness on the runbook health check and liveness on /api/health', () => {
    expect(deployment.spec?.replicas).toBe(3);
    expect(web.readinessProbe?.httpGet?.path).toBe('/api/wms/optimization/health');
    expect(web.livenessProbe?.httpGet?.path).toBe('/api/health');
    expect(existsSync(path.join(root, 'app/api/wms/optimization/health/route.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'app/api/health/route.ts'))).toBe(true);
  });

  it('sets resource requests and limits on every container, including init and CronJob containers', () => {
    const containers = [
      ...podSpec.containers,
      ...(podSpec.initContainers ?? []),
      ...cronJobs.flatMap((doc) => new CronJob(doc as never).spec!.jobTemplate.spec!.template.spec!.containers),
    ];
    for (const container of containers) {
      expect(container.resources?.requests?.cpu, container.name).toBeDefined();
      expect(container.resources?.requests?.memory, container.name).toBeDefined();
      expect(container.resources?.limits?.cpu, container.name).toBeDefined();
      expect(container.resources?.limits?.memory, container.name).toBeDefined();
    }
  });

  it('takes the database URL and the Slack webhook from secrets, and flags from the ConfigMap', () => {
    const secrets = (web.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean);
    expect(secrets).toContain('database-credentials');
    expect(secrets).toContain('slack-webhook');
    expect(web.envFrom?.map((source) => source.configMapRef?.name)).toContain('bin-optimization-config');
    expect((web.env ?? []).every((variable) => variable.value === undefined)).toBe(true);
  });

  it('runs as a non-root user without privilege escalation', () => {
    expect(podSpec.securityContext?.runAsNonRoot).toBe(true);
    expect(web.securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(web.image).not.toMatch(/:latest$/);
  });

  it('routes the Services to the pods the Deployment creates', () => {
    const podLabels = deployment.spec!.template.metadata!.labels!;
    for (const doc of deploymentDocs.filter((d) => d.kind === 'Service')) {
      const service = new Service(doc as never);
      for (const [key, value] of Object.entries(service.spec!.selector!)) expect(podLabels[key]).toBe(value);
    }
    const prometheus = readFileSync(path.join(root, 'monitoring/prometheus/prometheus.yml'), 'utf8');
    expect(prometheus).toContain('bin-optimization-headless.production.svc.cluster.local');
  });

  it('schedules ML training with the runbook command and a psql cache refresh fallback', () => {
    const byName = new Map(cronJobs.map((doc) => [doc.metadata.name, new CronJob(doc as never)]));
    const training = byName.get('bin-optimization-ml-training');
    expect(training?.spec?.jobTemplate.spec?.template.spec?.containers[0]?.command).toEqual(['npm', 'run', '-s', 'ml:train', '--', '--json']);
    const refresh = byName.get('bin-utilization-cache-refresh');
    const command = refresh?.spec?.jobTemplate.spec?.template.spec?.containers[0]?.command ?? [];
    expect(command[0]).toBe('psql');
    expect(command).toContain('SELECT scheduled_refresh_bin_utilization();');
    for (const job of byName.values()) {
      expect(job.spec?.schedule.split(' ')).toHaveLength(5);
      expect(job.spec?.concurrencyPolicy).toBe('Forbid');
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');

  it('is multi-stage, ships the Next standalone output and runs as a non-root user with a healthcheck', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toContain('/app/.next/standalone');
    expect(dockerfile).toMatch(/^USER 10001$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(readFileSync(path.join(root, 'next.config.js'), 'utf8')).toMatch(/output:\s*'standalone'/);
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', 'node_modules', '.next', '.env', '.data']) expect(ignored).toContain(entry);
  });
});
