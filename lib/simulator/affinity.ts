/**
 * Co-pick affinity mined from order history: lift(a, b) = P(a and b in one order) / (P(a) P(b)).
 * Orders are added as the replay moves on, so a day only sees orders from earlier days.
 */
export class AffinityMiner {
  private orders = 0;
  private readonly skuCounts = new Map<string, number>();
  private readonly pairCounts = new Map<string, Map<string, number>>();
  readonly lineCounts = new Map<string, number>();

  constructor(private readonly minCoPicks = 2) {}

  addOrder(skus: readonly string[]): void {
    const distinct = [...new Set(skus)];
    this.orders += 1;
    for (const sku of skus) this.lineCounts.set(sku, (this.lineCounts.get(sku) ?? 0) + 1);
    for (const sku of distinct) this.skuCounts.set(sku, (this.skuCounts.get(sku) ?? 0) + 1);
    for (let i = 0; i < distinct.length; i += 1) {
      for (let j = 0; j < distinct.length; j += 1) {
        if (i === j) continue;
        let row = this.pairCounts.get(distinct[i]);
        if (!row) {
          row = new Map();
          this.pairCounts.set(distinct[i], row);
        }
        row.set(distinct[j], (row.get(distinct[j]) ?? 0) + 1);
      }
    }
  }

  /** Lift of the pairs seen at least `minCoPicks` times, for the given skus (or all). */
  lifts(skus?: Iterable<string>): Map<string, Map<string, number>> {
    const result = new Map<string, Map<string, number>>();
    const keys = skus ? [...new Set(skus)] : [...this.pairCounts.keys()];
    for (const sku of keys) {
      const row = this.pairCounts.get(sku);
      if (!row) continue;
      const countA = this.skuCounts.get(sku) ?? 0;
      const out = new Map<string, number>();
      for (const [other, together] of row) {
        if (together < this.minCoPicks) continue;
        const countB = this.skuCounts.get(other) ?? 0;
        out.set(other, (together * this.orders) / (countA * countB));
      }
      if (out.size > 0) result.set(sku, out);
    }
    return result;
  }
}
