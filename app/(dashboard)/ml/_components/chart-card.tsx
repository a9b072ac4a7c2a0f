export function ChartCard({ title, hint, children, height = 'h-64' }: { title: string; hint: string; children: React.ReactNode; height?: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2">
        <p className="text-sm font-semibold">{title}</p>
        <p className="text-xs text-slate-500">{hint}</p>
      </figcaption>
      <div className={height}>{children}</div>
    </figure>
  );
}

export function EmptyChart({ message }: { message: string }) {
  return <div className="flex h-full items-center justify-center rounded bg-slate-50 text-sm text-slate-500">{message}</div>;
}
