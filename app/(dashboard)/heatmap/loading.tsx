export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the heatmap">
      <div className="h-8 w-72 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-full animate-pulse rounded bg-slate-100" />
      <div className="h-96 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
