/** GET a route handler's JSON; a refusal becomes an Error whose message names its code. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(refusal?.error ? `${refusal.error.code}: ${refusal.error.message}` : `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}
