// autocannon 8 ships no type declarations; the subset bench:load uses.
declare module 'autocannon' {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = {
      url: string;
      connections?: number;
      overallRate?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    };
    type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
    type Instance = { on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): Instance; stop(): void };
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
