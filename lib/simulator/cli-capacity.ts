import { CAPACITY_DEFAULTS, formatPercent, ZCapacityRules, type CapacityField, type CapacityRules } from '../schemas/capacity';
import { ScenarioError } from './scenario';

/** What the parser got for an option: its text, `true` when it was typed without a value, `undefined` when absent. */
type OptionValue = string | true | undefined;

const OPTION_OF_FIELD: Record<CapacityField, '--band' | '--hard-cap'> = { targetBandMin: '--band', targetBandMax: '--band', hardCap: '--hard-cap' };

function bandOf(raw: OptionValue): Pick<CapacityRules, 'targetBandMin' | 'targetBandMax'> | null {
  const match = typeof raw === 'string' ? /^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$/.exec(raw) : null;
  if (!match) return null;
  const [targetBandMin, targetBandMax] = [Number(match[1]), Number(match[2])];
  return Number.isFinite(targetBandMin) && Number.isFinite(targetBandMax) ? { targetBandMin, targetBandMax } : null;
}

function hardCapOf(raw: OptionValue): number | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/**
 * `--band MIN-MAX` and `--hard-cap CAP` (fractions of a bin's cube) as capacity rules, checked by
 * the same schema as the Simulation page and the Feature flags page, so a CLI run never uses
 * rules the product would refuse. A refusal names the option and quotes the schema's message;
 * "Got … (…%)" follows because the CLI takes fractions where the message speaks in percent.
 * An option left out keeps the engine's default for its fields.
 */
export function parseCapacityOptions(options: { band: OptionValue; hardCap: OptionValue }): CapacityRules {
  const rules: CapacityRules = { ...CAPACITY_DEFAULTS };
  if (options.band !== undefined) {
    const band = bandOf(options.band);
    if (!band) throw new ScenarioError('--band', `expected MIN-MAX as fractions of a bin's cube, e.g. 0.6-0.85; got "${String(options.band)}"`);
    Object.assign(rules, band);
  }
  if (options.hardCap !== undefined) {
    const hardCap = hardCapOf(options.hardCap);
    if (hardCap === null) throw new ScenarioError('--hard-cap', `expected a fraction of a bin's cube, e.g. 0.95; got "${String(options.hardCap)}"`);
    rules.hardCap = hardCap;
  }

  const parsed = ZCapacityRules.safeParse(rules);
  if (parsed.success) return parsed.data;
  const typed = { '--band': options.band !== undefined, '--hard-cap': options.hardCap !== undefined };
  const issue = parsed.error.issues[0];
  const option = OPTION_OF_FIELD[issue.path[0] as CapacityField];
  // The schema puts an order refusal on the field to change; when the user typed only the other
  // option (a cap under the default band), that other option is the one they can change.
  const named = typed[option] ? option : option === '--band' ? '--hard-cap' : '--band';
  const got = named === '--band' ? `${rules.targetBandMin}-${rules.targetBandMax} (${formatPercent(rules.targetBandMin)}–${formatPercent(rules.targetBandMax)})` : `${rules.hardCap} (${formatPercent(rules.hardCap)})`;
  throw new ScenarioError(named, `${issue.message} Got ${named} ${got}.`);
}
