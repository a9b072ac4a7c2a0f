import type { NotPlacedCode } from './policies/types';
import type { PreparedScenario } from './prepare';
import { WarehouseState, type Material } from './state';

/** Units not placed over a replay, per reason code: most units first, only codes that occurred. */
export type NotPlacedByReason = Partial<Record<NotPlacedCode, number>>;

/**
 * Why receipt units stayed without a bin, for one replay. A policy may say why through
 * `PolicyInput.notPlaced` (binwise passes on the engine's codes); what it leaves unexplained, all of
 * it for the baselines, is classified here the same way for every policy: DOES_NOT_FIT or TOO_HEAVY
 * when no storage bin of the warehouse could take even one unit when empty, NO_CAPACITY when some
 * could and none had room left. The replay's own count of units not placed is the truth: reports
 * explain it up to that count, so the reasons always add up to `unitsNotPlaced`.
 */
export class NotPlacedTally {
  private readonly totals = new Map<NotPlacedCode, number>();
  /** Today's reports, per sku. */
  private readonly reported = new Map<string, Map<NotPlacedCode, number>>();
  /** The classification depends only on the sku and the empty warehouse, so it is made once per sku. */
  private readonly reasonOfSku = new Map<string, NotPlacedCode>();
  private empty: WarehouseState | undefined;

  constructor(private readonly prepared: PreparedScenario) {}

  report(sku: string, units: number, code: NotPlacedCode): void {
    if (!(units > 0)) return;
    let codes = this.reported.get(sku);
    if (!codes) this.reported.set(sku, (codes = new Map()));
    codes.set(code, (codes.get(code) ?? 0) + units);
  }

  /** Books the `missing` units of `sku` the replay counted as not placed today: reported reasons first, the rest classified. */
  settle(sku: string, missing: number): void {
    let left = missing;
    for (const [code, units] of this.reported.get(sku) ?? []) {
      if (left <= 0) break;
      const counted = Math.min(units, left);
      this.add(code, counted);
      left -= counted;
    }
    if (left > 0) this.add(this.classify(sku), left);
  }

  /** Forgets the day's reports (a report explains only the receipts of its own day). */
  endDay(): void {
    this.reported.clear();
  }

  byReason(): NotPlacedByReason {
    const entries = [...this.totals].sort(([codeA, a], [codeB, b]) => b - a || (codeA < codeB ? -1 : 1));
    return Object.fromEntries(entries);
  }

  private add(code: NotPlacedCode, units: number): void {
    this.totals.set(code, (this.totals.get(code) ?? 0) + units);
  }

  private classify(sku: string): NotPlacedCode {
    const known = this.reasonOfSku.get(sku);
    if (known) return known;
    const { scenario, materials, binsByCode } = this.prepared;
    const material = materials.get(sku);
    let code: NotPlacedCode;
    if (!material || binsByCode.length === 0) code = 'NO_ELIGIBLE_LOCATION';
    else {
      // The replay's own capacity check on an empty warehouse; weightless, the unit tells size from weight.
      const empty = (this.empty ??= new WarehouseState(scenario.locations, materials, scenario.dock));
      const takenSomewhere = (unit: Material) => binsByCode.some((bin) => empty.capacityFor(bin, unit) > 0);
      code = takenSomewhere(material) ? 'NO_CAPACITY' : takenSomewhere({ ...material, weightLbs: 0 }) ? 'TOO_HEAVY' : 'DOES_NOT_FIT';
    }
    this.reasonOfSku.set(sku, code);
    return code;
  }
}
