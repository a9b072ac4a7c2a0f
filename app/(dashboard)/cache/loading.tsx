export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading cache health">
      <div className="h-8 w-72 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => <div key={i} className="h-24 animate-pulse rounded-lg bg-slate-100" />)}
      </div>
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
