// Starts gapbot on Slack with Bolt: Socket Mode, or HTTP on one URL (/slack/events) plus GET /healthz.
// Loads @slack/bolt, so start-up imports this file dynamically, only when Slack is configured.
// https://docs.slack.dev/tools/bolt-js/concepts/socket-mode · https://docs.slack.dev/tools/bolt-js/concepts/receiver
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type AppOptions,
  HTTPReceiver,
  type InstallationStore,
  type Receiver,
  SocketModeReceiver,
} from "@slack/bolt";
import type { SlackOAuthSettings, SlackSettings } from "../../config/settings.js";
import { METRICS_PATH, serveMetrics } from "../../runtime/health-server.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { AdapterContext, RunningAdapter } from "../adapter.js";
import { boltLogger } from "./bolt-logger.js";
import { registerInstallationListeners } from "./installations.js";
import { InFlight, registerListeners } from "./listeners.js";
import { BOT_SCOPES } from "./manifest.js";
import { EVENTS_PATH, HEALTH_PATH, INSTALL_PATH, REDIRECT_PATH } from "./paths.js";
import { BODY_LIMIT_BYTES, guardSlackRequests } from "./request-guard.js";
import { PostQueue } from "./web-api-posts.js";

/**
 * One Web API call's deadline. Long, because a post that times out is never tried again: Slack may have
 * posted it, and a second try would show the answer twice.
 */
export const WEB_API_TIMEOUT_MS = 30_000;

export interface RunningSlack extends RunningAdapter {
  /** The port bound in HTTP mode (settings.port 0 picks a free one). */
  port?: number;
}

export interface SlackStartOptions {
  /** HTTP mode's listen address; Node's default (every interface) when absent. Tests use 127.0.0.1. */
  host?: string;
  /**
   * Retries of a post that provably did not land (429, connection refused), and of the calls that can be
   * repeated safely (views.publish) on any passing failure; a chat answer minutes late helps no one.
   */
  retries?: number;
  /** How long stop() waits for replies in flight. */
  drainMs?: number;
  /** One Web API call's deadline, per attempt (WEB_API_TIMEOUT_MS by default). */
  webApiTimeoutMs?: number;
  /** OAuth mode's installations, which it needs: start-up keeps them on Redis, else in DATA_DIR's database. */
  installationStore?: InstallationStore;
  /** A turn still running after this long shows 👀 (PROGRESS_AFTER_MS, 1 s, by default). */
  progressAfterMs?: number;
}

/**
 * Bolt's OAuth v2 routes on the receiver: GET /slack/install sends the installer to Slack's consent page
 * with a state signed by SLACK_STATE_SECRET (and kept in a cookie), GET /slack/oauth_redirect checks that
 * state, exchanges the code with oauth.v2.access (on SLACK_API_URL) and stores the installation.
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
function oauthReceiverOptions(
  oauth: SlackOAuthSettings,
  installationStore: InstallationStore,
  clientOptions: NonNullable<AppOptions["clientOptions"]>,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's consent page: there is nothing of ours to show before it.
      directInstall: true,
      stateVerification: true,
      clientOptions: { ...clientOptions },
    },
  };
}

export async function startSlack(
  settings: SlackSettings,
  ctx: AdapterContext,
  options: SlackStartOptions = {},
): Promise<RunningSlack> {
  const logger = boltLogger(ctx.logger);
  const retries = options.retries ?? 2;
  const apiUrl = settings.apiUrl ? { slackApiUrl: withTrailingSlash(settings.apiUrl) } : {};
  // The listeners' client retries nothing itself: WebClient would retry a post after a timeout (a second
  // copy of the answer) and pause every call on one channel's 429. PostQueue (web-api-posts.ts) decides.
  const clientOptions: NonNullable<AppOptions["clientOptions"]> = {
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // The default is no timeout at all: a Web API call that hangs would hold its turn forever.
    timeout: options.webApiTimeoutMs ?? WEB_API_TIMEOUT_MS,
    ...apiUrl,
  };
  const inFlight = new InFlight();
  let up = false;
  let stopped = false;

  // OAuth mode: each workspace's token comes from its installation, found by Bolt's authorize.
  const installations = settings.oauth ? options.installationStore : undefined;
  if (settings.oauth && !installations) {
    throw new Error("gapbot: Slack OAuth mode needs an installation store (start-up gives one)");
  }

  let receiver: Receiver;
  if (settings.mode === "socket") {
    if (!settings.appToken)
      throw new Error("gapbot: Slack Socket Mode needs the app-level token (SLACK_APP_TOKEN).");
    const socket = new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      // The receiver's own WebClient must reach the same API base URL; an object of its own, because the
      // Socket Mode client writes its defaults into it. It only opens connections, which are safe to retry.
      installerOptions: {
        clientOptions: {
          retryConfig: { retries, factor: 2, minTimeout: 250, maxTimeout: 2000 },
          timeout: options.webApiTimeoutMs ?? WEB_API_TIMEOUT_MS,
          ...apiUrl,
        },
      },
    });
    socket.client.on("connected", () => {
      up = true;
    });
    // "close" comes the moment the socket drops; "reconnecting" only after the client's back-off
    // (5 s on the first drop), and meanwhile nothing can reach us.
    for (const state of ["close", "disconnected", "reconnecting"]) {
      socket.client.on(state, () => {
        up = false;
      });
    }
    receiver = socket;
  } else {
    if (!settings.signingSecret) {
      throw new Error("gapbot: Slack HTTP mode needs the signing secret (SLACK_SIGNING_SECRET).");
    }
    const http = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: EVENTS_PATH,
      port: settings.port,
      logger,
      bodyLimit: BODY_LIMIT_BYTES,
      ...(settings.oauth && installations
        ? oauthReceiverOptions(settings.oauth, installations, clientOptions)
        : {}),
      customRoutes: [
        ...(ctx.metrics ? [metricsRoute(ctx.metrics)] : []),
        {
          path: HEALTH_PATH,
          method: ["GET"],
          handler: (_req, res) => {
            const ok = ctx.health?.() ?? true;
            res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
            res.end(JSON.stringify({ ok }));
          },
        },
      ],
    });
    // Bolt's server calls this property per request: the guard refuses what the headers alone condemn
    // before any body is buffered, and what Bolt would leave unanswered (a body of `null`).
    http.requestListener = guardSlackRequests(http.requestListener, {
      signingSecret: settings.signingSecret,
      path: EVENTS_PATH,
      logger: ctx.logger,
    });
    receiver = http;
  }

  const app = new App({
    receiver,
    ...(settings.botToken ? { token: settings.botToken } : {}),
    logger,
    clientOptions,
    // Bolt's default conversation store builds an Error on every request; we keep no conversation state.
    convoStore: false,
    // auth.test runs in init() below, so that a wrong token fails start-up instead of the first event.
    deferInitialization: true,
  });
  registerListeners(app, ctx, {
    replyVisibility: settings.replyVisibility,
    inFlight,
    retries,
    posts: new PostQueue({
      retries,
      onRetry: (err, key, attempt, delayMs) =>
        ctx.logger.warn({ err, platform: "slack", key, attempt, delayMs }, "slack post not made: retrying"),
    }),
    ...(options.progressAfterMs !== undefined ? { progressAfterMs: options.progressAfterMs } : {}),
  });
  if (installations) registerInstallationListeners(app, installations, ctx);
  app.error(async (err) => {
    ctx.logger.error({ err, platform: "slack" }, "slack listener failed");
  });

  try {
    await app.init();
  } catch (err) {
    throw startUpError(err, "the bot token", "SLACK_BOT_TOKEN", settings.apiUrl);
  }

  let port: number | undefined;
  if (settings.mode === "socket") {
    try {
      await app.start();
    } catch (err) {
      throw startUpError(err, "the app-level token", "SLACK_APP_TOKEN", settings.apiUrl);
    }
  } else {
    const server = (await app.start(
      options.host ? { port: settings.port, host: options.host } : settings.port,
    )) as Server;
    port = (server.address() as AddressInfo).port;
    up = true;
  }
  ctx.logger.info({ platform: "slack", mode: settings.mode, port }, "slack adapter started");

  return {
    name: "slack",
    port,
    healthy: () => up,
    pending: () => inFlight.size,
    async stop() {
      if (stopped) return;
      stopped = true;
      up = false;
      await app.stop();
      await inFlight.settle(options.drainMs ?? 5000);
      ctx.logger.info({ platform: "slack" }, "slack adapter stopped");
    },
  };
}

function metricsRoute(metrics: Metrics) {
  return {
    path: METRICS_PATH,
    method: ["GET"],
    handler: (_req: unknown, res: ServerResponse) => serveMetrics(metrics, res),
  };
}

/** WebClient joins method names onto the base URL as given, so it must end with "/". */
function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * A start-up failure that says which setting to look at: Slack's error code when Slack answered
 * ("invalid_auth"), else why it could not be reached.
 */
function startUpError(err: unknown, what: string, variable: string, apiUrl: string | undefined): Error {
  const code = (err as { data?: { error?: unknown } }).data?.error;
  const message =
    typeof code === "string"
      ? `gapbot: Slack rejected ${what} (${variable}): ${code}`
      : `gapbot: could not reach the Slack API${apiUrl ? ` at ${apiUrl} (SLACK_API_URL)` : ""} to check ${what} (${variable}): ${err instanceof Error ? err.message : String(err)}`;
  return new Error(message, { cause: err });
}
