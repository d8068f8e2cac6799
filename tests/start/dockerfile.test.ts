// No Docker engine runs here, so the Dockerfile is checked by reading it, and its HEALTHCHECK command is run
// for real with node against the health server, as the container would run it.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startHealthServer } from "../../src/runtime/health-server.js";

const root = new URL("../../", import.meta.url);
const dockerfile = readFileSync(new URL("Dockerfile", root), "utf8");
const dockerignore = readFileSync(new URL(".dockerignore", root), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
// Continuation lines joined, comments dropped: one instruction per entry.
const instructions = dockerfile
  .replace(/\\\n\s*/g, "")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? "";

function healthcheckCommand(): string[] {
  const line = instructions.find((l) => l.startsWith("HEALTHCHECK"));
  const json = line?.slice(line.indexOf("CMD") + 3).trim() ?? "[]";
  return JSON.parse(json) as string[];
}

describe("Dockerfile", () => {
  it("builds on an official slim Node image in two stages, the runtime one with production dependencies only", () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^node:(20|22)-bookworm-slim\b/);
    expect(stages[0]).toMatch(/RUN npm ci\b/);
    expect(stages[0]).toMatch(/npm run build/);
    expect(runtime).toMatch(/RUN npm ci --omit=dev --ignore-scripts\b/);
    expect(runtime).not.toMatch(/^COPY (src|tests)\b/m);
  });

  it("ships the compiled code, the entry point, the knowledge and the commands", () => {
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    for (const dir of ["bin", "knowledge", "commands"])
      expect(runtime).toMatch(new RegExp(`^COPY ${dir} `, "m"));
  });

  it("runs as the non-root node user, in production, exposing 3000 and starting gapbot in exec form", () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
    expect(instructions.at(-1)).toBe('CMD ["node", "bin/gapbot.js", "start"]');
  });

  it("keeps secrets, local installs and builds out of the build context", () => {
    for (const entry of [".env", "node_modules", "dist", ".git"]) expect(dockerignore).toContain(entry);
  });
});

describe("the HEALTHCHECK command", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
  });

  // Asynchronous: the health server answering it runs in this very process.
  function check(env: Record<string, string>): Promise<number | null> {
    const [command, ...args] = healthcheckCommand();
    expect(command).toBe("node");
    const { PORT: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, args, {
      env: { ...rest, ...env },
      timeout: 10_000,
      stdio: "ignore",
    });
    return new Promise((resolve) => child.on("close", (code) => resolve(code)));
  }

  it("given a healthy bot on PORT, exits 0; unhealthy, exits 1", async () => {
    let healthy = true;
    server = await startHealthServer(0, () => healthy, "127.0.0.1");
    const port = String((server.address() as { port: number }).port);
    expect(await check({ PORT: port })).toBe(0);
    healthy = false;
    expect(await check({ PORT: port })).toBe(1);
  });

  it("given nothing listening, exits 1 rather than hanging", async () => {
    server = await startHealthServer(0, () => true, "127.0.0.1");
    const port = String((server.address() as { port: number }).port);
    await new Promise((r) => server?.close(r));
    server = undefined;
    expect(await check({ PORT: port })).toBe(1);
  });
});
