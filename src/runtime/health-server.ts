// GET /healthz → 200 while every running adapter is healthy, 503 otherwise.
// Used when no Slack HTTP receiver owns PORT (Socket Mode, Discord only).
import { createServer, type Server } from "node:http";

export async function startHealthServer(
  port: number,
  healthy: () => boolean,
  host = "0.0.0.0",
): Promise<Server> {
  const server = createServer((req, res) => {
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
