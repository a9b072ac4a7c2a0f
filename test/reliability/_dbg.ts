import { Client } from './lib/http';
const c = await new Client('http://127.0.0.1:3400', 's').signIn('supervisor@acme.test', 'binwise-demo');
let path = '/simulation';
for (let i = 0; i < 4; i++) {
  const a = await c.request(path, { headers: { rsc: '1', 'next-router-prefetch': '1' } });
  console.log(path, a.status, a.headers.get('location'), a.headers.get('content-type'), a.text.slice(0, 1500));
  if (!a.headers.get('location')) break; path = a.headers.get('location')!;
}
const anon = new Client('http://127.0.0.1:3400', 'a');
const b = await anon.request('/?_rsc=abcde', { headers: { rsc: '1' } });
console.log(b.status, b.headers.get('location'));
