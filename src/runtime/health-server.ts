// GET /healthz → 200 while every running adapter is healthy, 503 otherwise; GET /metrics → Prometheus text.
// Used when no Slack HTTP receiver owns PORT (Socket Mode, Discord only); Slack's receiver serves the same.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export const METRICS_PATH = "/metrics";

/** What GET /metrics serves: a process's own registry (Metrics), or the shard manager's merge of its shards'. */
export interface MetricsText {
  render(): Promise<{ contentType: string; body: string }>;
}

/** GET /metrics: the registry's text, or a 500 line when a collector fails (never a stack trace). */
export async function serveMetrics(metrics: MetricsText, res: ServerResponse): Promise<void> {
  try {
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { "content-type": contentType });
    res.end(body);
  } catch {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("metrics unavailable\n");
  }
}

export async function startHealthServer(
  port: number,
  healthy: () => boolean,
  host = "0.0.0.0",
  metrics?: MetricsText,
): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    if (metrics && req.method === "GET" && req.url?.split("?")[0] === METRICS_PATH) {
      void serveMetrics(metrics, res);
      return;
    }
    if (req.method === "GET" && req.url?.split("?")[0] === "/healthz") {
      const ok = healthy();
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
