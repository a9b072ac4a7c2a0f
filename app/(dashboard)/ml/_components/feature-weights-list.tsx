export type WeightBar = { feature: string; weight: number };

/**
 * The phone layout of the feature-weights chart. A chart's category axis needs a fixed label
 * column (300 px on desktop), which leaves no room for bars on a 390 px screen; here each
 * feature's full name sits on its own line above a bar that grows right (raises acceptance)
 * or left (lowers it) from a centre zero line, scaled to the largest weight shown.
 */
export function FeatureWeightsList({ weights }: { weights: readonly WeightBar[] }) {
  const largest = Math.max(0, ...weights.map((w) => Math.abs(w.weight))) || 1;
  return (
    <div>
      <p aria-hidden="true" className="mb-2 flex justify-between text-[11px] text-slate-500">
        <span>← lowers acceptance</span>
        <span>raises acceptance →</span>
      </p>
      <ol aria-label="Feature weights" className="space-y-2.5">
        {weights.map((w) => {
          const raises = w.weight >= 0;
          return (
            <li key={w.feature}>
              <div className="flex items-baseline justify-between gap-3 text-xs">
                <span className="min-w-0 wrap-anywhere text-slate-700">{w.feature}</span>
                <span className={`shrink-0 font-mono tabular-nums ${raises ? 'text-emerald-700' : 'text-red-700'}`}>
                  {raises ? '+' : '−'}
                  {Math.abs(w.weight).toFixed(3)}
                </span>
              </div>
              <div aria-hidden="true" className="relative mt-1 h-2.5 rounded-sm bg-slate-100">
                <div
                  className={`absolute inset-y-0 ${raises ? 'left-1/2 rounded-r-sm bg-emerald-600' : 'right-1/2 rounded-l-sm bg-red-600'}`}
                  style={{ width: `${(Math.abs(w.weight) / largest) * 50}%` }}
                />
                <div className="absolute inset-y-[-2px] left-1/2 w-px bg-slate-600" />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
