// `npm run -s simulate -- <scenario.json> [--policies a,b] [--json] [--report docs/simulation/<name>.md] [--seed N] [--flags KEY=true,...] [--band 0.6-0.85] [--hard-cap 0.95] [--day0-stock as-is|slotted]`
// `npm run -s simulate -- --generate --seed N --locations N --skus N --days N`  prints a scenario
// `npm run -s simulate -- --from-db --tenant acme-print [--days 30]`           prints the tenant's warehouse as a scenario
// `npm run -s simulate -- --schema`                                            prints the scenario JSON Schema (docs/scenario.schema.json)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseCapacityOptions } from '../lib/simulator/cli-capacity';
import { generateScenario } from '../lib/simulator/generate';
import { scenarioFromDatabase, type QueryFunction } from '../lib/simulator/from-db';
import { DAY_ZERO_STOCK_MODES, isDayZeroStock, type DayZeroStock } from '../lib/simulator/policies/names';
import { ALL_POLICY_NAMES, DEFAULT_FLAGS, UnknownPolicyError, resolvePolicies, type SimulationFlags } from '../lib/simulator/policies/registry';
import { markdownReport, resultJson, travelChartSvg } from '../lib/simulator/report';
import { runSimulation } from '../lib/simulator/run';
import { ScenarioError, parseScenario, scenarioJsonSchema } from '../lib/simulator/scenario';

type Args = { positional: string[]; options: Map<string, string | true> };

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2);
    const next = argv[index + 1];
    if (inline !== undefined) options.set(key, inline);
    else if (next !== undefined && !next.startsWith('--') && !['json', 'generate', 'from-db', 'schema'].includes(key)) {
      options.set(key, next);
      index += 1;
    } else options.set(key, true);
  }
  return { positional, options };
}

function numberOption(args: Args, key: string, fallback: number): number {
  const raw = args.options.get(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ScenarioError(`--${key}`, `expected a non-negative number, got "${String(raw)}"`);
  return value;
}

function parseFlags(raw: string | true | undefined): SimulationFlags {
  const flags = { ...DEFAULT_FLAGS };
  if (typeof raw !== 'string') return flags;
  for (const pair of raw.split(',')) {
    const [key, value] = pair.split('=');
    if (!(key in flags)) throw new ScenarioError('--flags', `unknown flag "${key}" (known: ${Object.keys(flags).join(', ')})`);
    (flags as Record<string, boolean>)[key] = value === 'true' || value === 'on' || value === '1';
  }
  return flags;
}

function parseDayZeroStock(raw: string | true | undefined): DayZeroStock {
  if (raw === undefined) return 'as-is';
  if (isDayZeroStock(raw)) return raw;
  throw new ScenarioError('--day0-stock', `expected ${DAY_ZERO_STOCK_MODES.join(' or ')}; got "${String(raw)}"`);
}

async function fromDatabase(args: Args): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new ScenarioError('DATABASE_URL', 'is not set');
  const tenantCode = String(args.options.get('tenant') ?? 'acme-print');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tenants = await client.query<{ tenant_id: string; name: string }>('SELECT tenant_id::text, name FROM tenants WHERE code = $1', [tenantCode]);
    if (tenants.rows.length === 0) throw new ScenarioError('--tenant', `no tenant with code "${tenantCode}"`);
    const query: QueryFunction = async <Row>(text: string, values: readonly unknown[]) => (await client.query(text, [...values])).rows as Row[];
    const scenario = await scenarioFromDatabase(query, tenants.rows[0].tenant_id, { days: numberOption(args, 'days', 30), name: `${tenants.rows[0].name} (last ${numberOption(args, 'days', 30)} days)` });
    process.stdout.write(`${JSON.stringify(scenario)}\n`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.options.has('schema')) {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return;
  }
  if (args.options.has('generate')) {
    const scenario = generateScenario({
      seed: numberOption(args, 'seed', 1),
      locations: numberOption(args, 'locations', 3000),
      skus: numberOption(args, 'skus', 800),
      days: numberOption(args, 'days', 30),
    });
    process.stdout.write(`${JSON.stringify(scenario)}\n`);
    return;
  }
  if (args.options.has('from-db')) return fromDatabase(args);
  const file = args.positional[0];
  if (!file) throw new ScenarioError('scenario', 'give a scenario file: npm run -s simulate -- <scenario.json> (or --generate / --from-db)');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError('scenario', `cannot read ${file}: ${(error as Error).message}`);
  }
  const scenario = parseScenario(raw);
  const requested = args.options.get('policies');
  const names = typeof requested === 'string' ? requested.split(',').map((name) => name.trim()).filter(Boolean) : [...ALL_POLICY_NAMES];
  // parseCapacityOptions checks the rules with the pages' schema, which is stricter than the
  // engine's own check, so resolvePolicies cannot refuse them: a refusal names --band or --hard-cap.
  const policies = resolvePolicies(names, parseFlags(args.options.get('flags')), parseCapacityOptions({ band: args.options.get('band'), hardCap: args.options.get('hard-cap') }));
  const result = runSimulation(scenario, { policies, seed: numberOption(args, 'seed', 1), dayZeroStock: parseDayZeroStock(args.options.get('day0-stock')) });

  const reportPath = args.options.get('report');
  if (typeof reportPath === 'string') {
    const chartFile = `${path.basename(reportPath, '.md')}.svg`;
    mkdirSync(path.dirname(reportPath), { recursive: true });
    const command = `npm run -s simulate -- ${process.argv.slice(2).join(' ')}`;
    writeFileSync(reportPath, `${markdownReport(result, chartFile, command)}\n`);
    writeFileSync(path.join(path.dirname(reportPath), chartFile), `${travelChartSvg(result)}\n`);
  }
  if (args.options.has('json')) {
    process.stdout.write(resultJson(result));
    return;
  }
  const table = result.policies.map((policy) => ({
    policy: policy.policy,
    pickTravelFt: Math.round(policy.pickTravel),
    perOrderFt: Math.round(policy.pickTravelPerOrder),
    vsFirstFit: policy.reductionVsFirstFit === null ? '' : `${policy.reductionVsFirstFit.toFixed(1)}%`,
    vsAbc: policy.reductionVsAbc === null ? '' : `${policy.reductionVsAbc.toFixed(1)}%`,
    bandEnd: `${(policy.bandShareEnd * 100).toFixed(1)}%`,
    bandAvg: `${(policy.bandShareAvg * 100).toFixed(1)}%`,
    bandAfterPutaway: `${(policy.bandShareAfterPutaway * 100).toFixed(1)}%`,
    oneUnitBelowBand: `${(policy.oneUnitBelowBandAvg * 100).toFixed(1)}%`,
    binsUsed: policy.binsUsedEnd,
    notPlaced: policy.unitsNotPlaced,
    crossDock: policy.crossDockHits,
    putawayFt: Math.round(policy.putawayTravel),
    seconds: (policy.runMs / 1000).toFixed(1),
  }));
  console.table(table);
  console.log(`total ${(result.totalMs / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  // Option errors name the option (--band, --flags); everything else is about the scenario file.
  if (error instanceof ScenarioError) console.error(`${error.field.startsWith('--') ? 'Invalid option' : 'Invalid scenario'} — ${error.message}`);
  else if (error instanceof UnknownPolicyError) console.error(`--policies: ${error.message}`);
  else console.error((error as Error).stack ?? String(error));
  process.exitCode = error instanceof ScenarioError || error instanceof UnknownPolicyError ? 2 : 1;
});
