export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the data quality audit">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 3 }, (_, i) => <div key={i} className="h-32 animate-pulse rounded-lg bg-slate-100" />)}
    </div>
  );
}
