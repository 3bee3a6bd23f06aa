// The parts of autocannon (which ships no types) that bench/server.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  namespace autocannon {
    interface Request {
      onResponse?: (status: number, body: string) => void;
    }
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      amount?: number;
      timeout?: number;
      requests?: Request[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
    }
    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      requests: Histogram;
      latency: Histogram;
    }
    interface Instance extends EventEmitter {
      stop(): void;
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
