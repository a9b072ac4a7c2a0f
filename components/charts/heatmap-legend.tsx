import { BAND_HIGH, BAND_LOW, fillColor, STATUS_COLORS } from './utilization-colors';

const STOPS = Array.from({ length: 23 }, (_, i) => i * 5);

/** Fill scale 0–110%, with the runbook's 60–85% target band boxed and labelled. */
export function HeatmapLegend() {
  const gradient = `linear-gradient(to right, ${STOPS.map((p) => `${fillColor(p)} ${(p / 110) * 100}%`).join(', ')})`;
  return (
    <figure aria-label="Legend: volume fill; target band 60 to 85 percent" className="w-full max-w-xl">
      <div className="relative h-4 rounded" style={{ background: gradient }}>
        <div
          className="absolute -top-1 h-6 rounded border-2 border-slate-900"
          style={{ left: `${(BAND_LOW / 110) * 100}%`, width: `${((BAND_HIGH - BAND_LOW) / 110) * 100}%` }}
        />
      </div>
      <div className="relative mt-1 h-4 text-[11px] text-slate-600">
        {[0, 30, BAND_LOW, BAND_HIGH, 100].map((p) => (
          <span key={p} className="absolute -translate-x-1/2" style={{ left: `${(p / 110) * 100}%` }}>
            {p}%
          </span>
        ))}
      </div>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span>
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: STATUS_COLORS.UNDER }} />
          Under 60%
        </span>
        <span className="font-semibold">
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: STATUS_COLORS.OPTIMAL }} />
          Target band 60–85%
        </span>
        <span>
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: STATUS_COLORS.OVER }} />
          Over 85%
        </span>
        <span>
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: STATUS_COLORS.INVALID }} />
          Invalid capacity (×)
        </span>
      </figcaption>
    </figure>
  );
}
