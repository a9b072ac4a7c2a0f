import { sigmoid } from './model';
import type { RuleCondition } from './rules';

/**
 * Finds candidate rule features with a small gradient-boosted ensemble of shallow trees on
 * the logistic loss (the rule-generation step of RuleFit, Friedman & Popescu 2008). Every
 * path from the root (one to `depth` conditions) becomes a rule; the final logistic regression
 * decides how much each rule matters. Thresholds are training-sample quantiles, so nothing
 * about the preferences is written into the code: the data chooses the rules.
 * Deterministic: fixed subsample (every k-th row), fixed bins, ties broken by feature order.
 */
export type RuleGenerationOptions = {
  trees?: number;
  depth?: number;
  learningRate?: number;
  maxRows?: number;
  bins?: number;
  maxRules?: number;
  /** Smallest share of the sample a rule may cover (default 1%). */
  minSupport?: number;
};

type Split = { feature: number; bin: number; gain: number };

const LAMBDA = 1;

export function generateRules(
  matrix: Float64Array,
  labels: Uint8Array,
  rows: number,
  columns: number,
  featureNames: readonly string[],
  options: RuleGenerationOptions = {},
): RuleCondition[][] {
  const trees = options.trees ?? 30;
  const depth = options.depth ?? 2;
  const learningRate = options.learningRate ?? 0.3;
  const maxRows = options.maxRows ?? 20_000;
  const binCount = options.bins ?? 32;
  const maxRules = options.maxRules ?? 80;

  const stride = Math.max(1, Math.ceil(rows / maxRows));
  const sample: number[] = [];
  for (let r = 0; r < rows; r += stride) sample.push(r);
  const n = sample.length;
  const minSupport = Math.max(20, Math.ceil(n * (options.minSupport ?? 0.01)));

  // Cut points per column: distinct quantiles of the sample (midpoints between values).
  const cuts: number[][] = [];
  const codes = new Uint8Array(n * columns);
  for (let c = 0; c < columns; c++) {
    const values = sample.map((r) => matrix[r * columns + c]).sort((a, b) => a - b);
    const distinct = [...new Set(values)];
    let cutPoints: number[];
    if (distinct.length <= binCount) {
      cutPoints = distinct.slice(1).map((v, i) => (distinct[i] + v) / 2);
    } else {
      const set = new Set<number>();
      for (let q = 1; q < binCount; q++) set.add(values[Math.floor((q * n) / binCount)]);
      cutPoints = [...set].sort((a, b) => a - b);
    }
    cuts.push(cutPoints.map((v) => Number(v.toPrecision(6))));
    for (let i = 0; i < n; i++) {
      const value = matrix[sample[i] * columns + c];
      let bin = 0;
      while (bin < cuts[c].length && value > cuts[c][bin]) bin++;
      codes[i * columns + c] = bin;
    }
  }

  const score = new Float64Array(n);
  let positives = 0;
  for (const r of sample) positives += labels[r];
  const base = Math.log(Math.max(positives, 1) / Math.max(n - positives, 1));
  score.fill(base);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);

  const bestSplit = (members: number[]): Split | null => {
    let best: Split | null = null;
    let totalG = 0;
    let totalH = 0;
    for (const i of members) { totalG += gradient[i]; totalH += hessian[i]; }
    const parent = (totalG * totalG) / (totalH + LAMBDA);
    for (let c = 0; c < columns; c++) {
      const bins = cuts[c].length + 1;
      if (bins < 2) continue;
      const g = new Float64Array(bins);
      const h = new Float64Array(bins);
      const counts = new Uint32Array(bins);
      for (const i of members) { const b = codes[i * columns + c]; g[b] += gradient[i]; h[b] += hessian[i]; counts[b]++; }
      let leftG = 0;
      let leftH = 0;
      let leftCount = 0;
      for (let b = 0; b < bins - 1; b++) {
        leftG += g[b]; leftH += h[b]; leftCount += counts[b];
        const rightG = totalG - leftG;
        const rightH = totalH - leftH;
        // Every rule must cover a real share of the data: rarer ones are noise, and they make
        // the curvature estimate on a subsample unreliable.
        if (leftCount < minSupport || members.length - leftCount < minSupport) continue;
        const gain = (leftG * leftG) / (leftH + LAMBDA) + (rightG * rightG) / (rightH + LAMBDA) - parent;
        if (!best || gain > best.gain + 1e-12) best = { feature: c, bin: b, gain };
      }
    }
    return best && best.gain > 1e-9 ? best : null;
  };

  const rules = new Map<string, RuleCondition[]>();
  const addRule = (conditions: RuleCondition[]) => {
    const key = conditions.map((c) => `${c.feature}${c.operator}${c.threshold}`).sort().join('&');
    if (!rules.has(key) && rules.size < maxRules) rules.set(key, conditions);
  };
  const condition = (split: Split, operator: '<=' | '>'): RuleCondition => ({ feature: featureNames[split.feature], operator, threshold: cuts[split.feature][split.bin] });
  const partition = (members: number[], split: Split) => {
    const left: number[] = [];
    const right: number[] = [];
    for (const i of members) (codes[i * columns + split.feature] <= split.bin ? left : right).push(i);
    return [left, right] as const;
  };
  const leafValue = (members: number[]) => {
    let g = 0;
    let h = 0;
    for (const i of members) { g += gradient[i]; h += hessian[i]; }
    return (learningRate * g) / (h + LAMBDA);
  };

  // Grows one tree: every node below the root becomes a rule (its path of conditions).
  const grow = (members: number[], path: RuleCondition[]): void => {
    if (path.length > 0) addRule(path);
    const split = path.length < depth ? bestSplit(members) : null;
    if (!split) {
      const value = leafValue(members);
      for (const i of members) score[i] += value;
      return;
    }
    const [left, right] = partition(members, split);
    grow(left, [...path, condition(split, '<=')]);
    grow(right, [...path, condition(split, '>')]);
  };

  const all = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < trees && rules.size < maxRules; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(score[i]);
      gradient[i] = labels[sample[i]] - p;
      hessian[i] = Math.max(p * (1 - p), 1e-9);
    }
    grow(all, []);
  }
  return [...rules.values()];
}
