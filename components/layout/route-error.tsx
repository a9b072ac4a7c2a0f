'use client';

export type RouteErrorProps = { error: Error & { digest?: string }; reset: () => void };

/** The body of every dashboard route's error.tsx: what failed, the message, and a retry. */
export function RouteError({ error, reset, title }: RouteErrorProps & { title: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="text-lg font-semibold text-red-800">{title}</h2>
      <p className="mt-2 text-sm text-red-700">{error.message || 'An unexpected error occurred.'}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm text-white">
        Try again
      </button>
    </div>
  );
}
