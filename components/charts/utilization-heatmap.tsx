'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { HeatmapPayload } from '@/lib/server/heatmap/types';
import { binAt, layoutHeatmap, type HeatmapFilters } from './heatmap-layout';
import { FADED_COLOR, fillColor, STATUS_COLORS } from './utilization-colors';

const STATUS_LABEL: Record<string, string> = { U: 'Under 60%', O: 'Optimal 60–85%', V: 'Over 85%', I: 'Invalid capacity' };
const STATUS_NAME = { U: 'UNDER', O: 'OPTIMAL', V: 'OVER', I: 'INVALID' } as const;
const pct = (tenths: number) => (tenths < 0 ? null : tenths / 10);

function ago(minutes: number): string {
  if (minutes < 0) return 'never';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

/**
 * Every bin on one canvas: a zone/level panel per aisle × bay grid, colored by volume fill.
 * One draw per data or filter change, no React element or state per cell, so 10,000 bins
 * stay smooth; the only state is the hovered bin (for the tooltip).
 */
export function UtilizationHeatmap({ payload, filters, onSelect }: { payload: HeatmapPayload; filters: HeatmapFilters; onSelect: (code: string) => void }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(960);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 960)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(() => layoutHeatmap(payload, filters, width), [payload, filters, width]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.ceil(layout.width * ratio);
    element.height = Math.ceil(layout.height * ratio);
    element.style.width = `${layout.width}px`;
    element.style.height = `${layout.height}px`;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    const { cell } = layout;
    const inset = cell >= 9 ? 1 : 0.5;
    for (const panel of layout.panels) {
      context.fillStyle = '#0f172a';
      context.font = '600 12px system-ui, sans-serif';
      context.textBaseline = 'top';
      context.fillText(panel.title, panel.x, panel.y);
      context.font = '10px system-ui, sans-serif';
      context.fillStyle = '#64748b';
      context.textAlign = 'center';
      for (let bay = 1; bay <= panel.bays; bay++) {
        if (bay === 1 || bay % 5 === 0) context.fillText(String(bay), panel.gridX + (bay - 0.5) * cell, panel.y + 16);
      }
      context.textAlign = 'right';
      context.textBaseline = 'middle';
      const every = cell >= 10 ? 1 : 2;
      panel.aisles.forEach((aisle, row) => {
        if (row % every === 0) context.fillText(aisle, panel.gridX - 4, panel.gridY + (row + 0.5) * cell);
      });
      context.textAlign = 'left';
      for (let row = 0; row < panel.aisles.length; row++) {
        for (let col = 0; col < panel.bays; col++) {
          const i = panel.cells[row * panel.bays + col]!;
          if (i < 0) continue;
          const x = panel.gridX + col * cell;
          const y = panel.gridY + row * cell;
          const invalid = payload.bins.status[i] === 'I';
          context.fillStyle = layout.matches[i] ? fillColor(invalid ? null : pct(payload.bins.fill[i]!)) : FADED_COLOR;
          context.fillRect(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset);
          if (invalid && layout.matches[i]) {
            context.strokeStyle = '#f8fafc';
            context.lineWidth = 1;
            context.beginPath();
            context.moveTo(x + 2, y + 2);
            context.lineTo(x + cell - 2, y + cell - 2);
            context.moveTo(x + cell - 2, y + 2);
            context.lineTo(x + 2, y + cell - 2);
            context.stroke();
          }
        }
      }
    }
  }, [layout, payload]);

  const pointer = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    return { index: binAt(layout, x, y), x, y };
  };

  const bins = payload.bins;
  const hovered = hover && hover.index >= 0 ? hover.index : -1;
  return (
    <div ref={wrapper} className="relative w-full overflow-x-auto">
      {layout.panels.length === 0 ? (
        <p className="py-12 text-center text-sm text-slate-500">No bins match these filters.</p>
      ) : null}
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Utilization heatmap of ${bins.code.length} bins in ${layout.panels.length} zone and level grids (aisles by bays)`}
        className={hovered >= 0 ? 'cursor-pointer' : undefined}
        onMouseMove={(event) => {
          const next = pointer(event);
          setHover((previous) => (previous?.index === next.index && next.index < 0 ? previous : next));
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(event) => {
          const { index } = pointer(event);
          if (index >= 0) onSelect(bins.code[index]!);
        }}
      />
      {hovered >= 0 && hover ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-10 w-56 rounded-md border border-slate-200 bg-white p-2 text-xs shadow-lg"
          style={{ left: Math.min(hover.x + 14, Math.max(0, layout.width - 230)), top: hover.y + 14 }}
        >
          <p className="font-semibold text-slate-900">{bins.code[hovered]}</p>
          <p>
            <span className="inline-block h-2 w-2 rounded-sm align-middle" style={{ background: STATUS_COLORS[STATUS_NAME[bins.status[hovered] as keyof typeof STATUS_NAME] ?? 'UNDER'] }} />{' '}
            {STATUS_LABEL[bins.status[hovered]!]}
          </p>
          <p>Fill: {pct(bins.fill[hovered]!) === null ? 'n/a' : `${pct(bins.fill[hovered]!)}%`} · Weight: {pct(bins.weight[hovered]!) === null ? 'n/a' : `${pct(bins.weight[hovered]!)}%`}</p>
          <p className="truncate">SKUs: {bins.skus[hovered]!.length ? bins.skus[hovered]!.map((s) => payload.skus[s]).join(', ') : 'empty'}</p>
          <p>Last movement: {ago(bins.lastMove[hovered]!)}</p>
        </div>
      ) : null}
    </div>
  );
}
