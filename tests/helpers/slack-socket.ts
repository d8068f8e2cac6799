// The Slack adapter in Socket Mode for the tests of a file: the Web API stand-in hands out the socket
// stand-in's URL (apps.connections.open), envelopes go over that socket; and the envelopes Slack sends.

import { type RunningSlack, startSlack } from "../../src/adapters/slack/index.js";
import type { Core } from "../../src/core/index.js";
import { silentLogger } from "../../src/log.js";
import { MemorySeenStore } from "../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../src/state/kv.js";
import { type SlackApiStandIn, startSlackApiStandIn, TEAM_ID } from "./slack-api-stand-in.js";
import { type Envelope, type SocketModeStandIn, startSocketModeStandIn } from "./slack-socket-stand-in.js";
import { startedForTests } from "./started-for-tests.js";

export const SOCKET_BOT_TOKEN = "xoxb-3333-4444-socket-test";
export const SOCKET_APP_TOKEN = "xapp-1-A0001-5555-socket-test";

export interface SocketSlack {
  api: SlackApiStandIn;
  socket: SocketModeStandIn;
  slack: RunningSlack;
}

/** Started before the tests of the file (or describe block) it is called in, stopped after them. */
export function socketSlackForTests(core: Core): SocketSlack {
  const current = startedForTests(
    "the Slack adapter in Socket Mode",
    async () => {
      const api = await startSlackApiStandIn();
      const socket = await startSocketModeStandIn();
      api.answer("apps.connections.open", { ok: true, url: socket.url });
      const slack = await startSlack(
        {
          mode: "socket",
          botToken: SOCKET_BOT_TOKEN,
          appToken: SOCKET_APP_TOKEN,
          apiUrl: api.url,
          port: 0,
          replyVisibility: "ephemeral",
        },
        { core, logger: silentLogger(), seen: new MemorySeenStore(), kv: new MemoryKeyValueStore() },
        { retries: 0 },
      );
      return { api, socket, slack };
    },
    async ({ api, socket, slack }) => {
      await slack.stop();
      await socket.close();
      await api.close();
    },
  );
  return {
    get api() {
      return current().api;
    },
    get socket() {
      return current().socket;
    },
    get slack() {
      return current().slack;
    },
  };
}

/** A slash command as a Socket Mode envelope: `/gap compute` unless told otherwise. */
export function slashCommandEnvelope(
  envelopeId: string,
  responseUrl: string,
  command = "/gap",
  text = "compute",
): Envelope {
  return {
    envelope_id: envelopeId,
    type: "slash_commands",
    accepts_response_payload: true,
    payload: {
      command,
      text,
      team_id: TEAM_ID,
      channel_id: "C0001",
      user_id: "U0001",
      api_app_id: "A0001",
      response_url: responseUrl,
      trigger_id: "1.2.3",
    },
  };
}
