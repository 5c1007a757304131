declare module 'autocannon' {
  type RawRequest = { method?: string; path?: string; headers?: Record<string, string> };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: RawRequest, context: object) => RawRequest }[];
  };
  type Summary = { average: number; mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  export type Result = {
    requests: Summary & { total: number };
    latency: Summary;
    throughput: Summary;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  };
  type Instance = Promise<Result> & {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): void;
  };
  export default function autocannon(options: Options): Instance;
}
