// No Docker engine runs here, so docker-compose.yml is checked by reading it: two gapbot instances in Slack's
// HTTP mode on one Redis behind nginx, each with a health check, started in order; the gapbots' health
// check command is run for real against the health server, as the container would run it.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseSettings } from "../../src/config/env.js";
import { variableNames } from "../../src/config/variables.js";
import { startHealthServer } from "../../src/runtime/health-server.js";

const root = new URL("../../", import.meta.url);

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; retries?: number };
  ports?: string[];
  volumes?: string[];
}

const compose = parse(readFileSync(new URL("docker-compose.yml", root), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const nginx = readFileSync(new URL("deploy/nginx.conf", root), "utf8");
const gapbots = ["gapbot-1", "gapbot-2"] as const;
const service = (name: string): Service => {
  const s = compose.services[name];
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

/** Compose's ${NAME:?message} and ${NAME:-default}, filled as `docker compose up` would with these values. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::[?-]([^}]*))?\}/g,
    (_, name: string, fallback = "") => env[name] ?? fallback,
  );
}

describe("docker-compose.yml", () => {
  it("runs Redis, two gapbot instances and a load balancer, each with a health check", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["gapbot-1", "gapbot-2", "lb", "redis"]);
    for (const [name, s] of Object.entries(compose.services)) {
      expect(s.healthcheck?.test?.[0], name).toMatch(/^CMD/);
      expect(s.healthcheck?.test?.length, name).toBeGreaterThan(1);
    }
    expect(service("redis").image).toMatch(/^redis:7/);
    expect(service("redis").healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
    // Hot state only: nothing to persist, so nothing stale to load after a restart.
    expect(service("redis").command).toEqual(["redis-server", "--save", "", "--appendonly", "no"]);
    expect(service("lb").image).toMatch(/^nginx:/);
  });

  it("builds both gapbots from this Dockerfile, each with its own data volume for its database", () => {
    expect(existsSync(new URL("Dockerfile", root))).toBe(true);
    const volumes = gapbots.map((name) => service(name).volumes?.[0]?.split(":")[0]);
    for (const name of gapbots) expect(service(name).build).toBe(".");
    expect(new Set(volumes).size).toBe(2);
    for (const v of volumes) expect(Object.keys(compose.volumes ?? {})).toContain(v);
  });

  it("starts each gapbot after Redis is healthy, and the load balancer after both gapbots are", () => {
    for (const name of gapbots)
      expect(service(name).depends_on).toEqual({ redis: { condition: "service_healthy" } });
    expect(service("lb").depends_on).toEqual({
      "gapbot-1": { condition: "service_healthy" },
      "gapbot-2": { condition: "service_healthy" },
    });
  });

  it("configures each gapbot, with gapbot's own variables only, for Slack's HTTP mode on the shared Redis", () => {
    for (const name of gapbots) {
      const env = service(name).environment ?? {};
      for (const variable of Object.keys(env)) expect(variableNames, variable).toContain(variable);
      expect(env.REDIS_URL).toBe("redis://redis:6379");
      expect(env.SLACK_APP_TOKEN).toBeUndefined();
      // The tokens come from the operator's environment or .env, never from this file.
      expect(env.SLACK_BOT_TOKEN).toMatch(/^\$\{SLACK_BOT_TOKEN:\?/);
      expect(env.SLACK_SIGNING_SECRET).toMatch(/^\$\{SLACK_SIGNING_SECRET:\?/);
      const filled = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          interpolate(String(v), { SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_SIGNING_SECRET: "s3cret" }),
        ]),
      );
      const parsed = parseSettings(filled);
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      expect(parsed.settings.slack?.mode).toBe("http");
      expect(parsed.settings.redis).toEqual({ url: "redis://redis:6379", optional: false });
      expect(parsed.settings.port).toBe(3000);
    }
  });

  it("balances Slack's events over both gapbots on their PORT, publishing only the balancer", () => {
    const upstream = /upstream gapbot \{([^}]*)\}/.exec(nginx)?.[1] ?? "";
    for (const name of gapbots) {
      expect(upstream).toContain(`server ${name}:${service(name).environment?.PORT}`);
      expect(service(name).ports).toBeUndefined();
    }
    expect(nginx).toMatch(/location \/slack\/events \{[^}]*proxy_pass http:\/\/gapbot;/);
    expect(nginx).toMatch(/location = \/healthz \{[^}]*proxy_pass http:\/\/gapbot;/);
    expect(service("lb").ports).toEqual(["3000:80"]);
    expect(service("lb").volumes).toEqual(["./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"]);
  });
});

describe("the gapbots' health check command", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
  });

  function check(port: string): Promise<number | null> {
    const [, command, ...args] = service("gapbot-1").healthcheck?.test ?? [];
    expect(command).toBe("node");
    const child = spawn(process.execPath, args, {
      env: { ...process.env, PORT: port },
      timeout: 10_000,
      stdio: "ignore",
    });
    return new Promise((resolve) => child.on("close", (code) => resolve(code)));
  }

  it("exits 0 while the instance is healthy and 1 when it is not", async () => {
    let healthy = true;
    server = await startHealthServer(0, () => healthy, "127.0.0.1");
    const port = String((server.address() as { port: number }).port);
    expect(await check(port)).toBe(0);
    healthy = false;
    expect(await check(port)).toBe(1);
  });
});
