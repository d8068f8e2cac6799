// Slack installed through OAuth v2 into many workspaces, through the real Bolt receiver (HTTP mode, signed
// requests) and a stand-in for oauth.v2.access on SLACK_API_URL: an install, a command from that workspace
// answered with its own token, and an uninstall that removes it. Installations are sealed in a real SQLite file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack } from "../../../src/adapters/slack/index.js";
import {
  SealedInstallationStore,
  SqliteInstallationRecords,
} from "../../../src/adapters/slack/installation-store.js";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import { requestFromQuery } from "../../../src/adapters/slack/requests.js";
import type { SlackSettings } from "../../../src/config/settings.js";
import { silentLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { TokenCipher } from "../../../src/state/token-cipher.js";
import { type Database, openDatabase } from "../../../src/storage/database.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { SIGNING_SECRET } from "../../helpers/slack-http.js";
import {
  beginInstall,
  eventFrom,
  INSTALLED_BOT_USER,
  install,
  mentionFrom,
} from "../../helpers/slack-oauth.js";
import { type SlackBody, sendToApp, slashCommandFrom } from "../../helpers/slack-requests.js";

const core = fixtureCore();
const key = randomBytes(32);
const dir = mkdtempSync(join(tmpdir(), "gapbot-oauth-"));
let db: Database;
let store: SealedInstallationStore;
let api: SlackApiStandIn;
let base: string;
let stop: () => Promise<void>;

const TEAM = "T0TEAM2";
const TEAM_TOKEN = "xoxb-team2-installed-token";
const ORG = "E0ORG1";
const ORG_TOKEN = "xoxb-org-wide-installed-token";

beforeAll(async () => {
  db = openDatabase({ dir });
  store = new SealedInstallationStore(new SqliteInstallationRecords(db), new TokenCipher(key));
  api = await startSlackApiStandIn();
  const settings: SlackSettings = {
    mode: "http",
    signingSecret: SIGNING_SECRET,
    apiUrl: api.url,
    port: 0,
    replyVisibility: "in_channel",
    oauth: {
      clientId: "1111.2222",
      clientSecret: "client-secret",
      stateSecret: "state-secret-for-tests",
      tokenKey: key,
    },
  };
  const slack = await startSlack(
    settings,
    { core, logger: silentLogger(), seen: new MemorySeenStore(), kv: new MemoryKeyValueStore() },
    { host: "127.0.0.1", retries: 0, installationStore: store },
  );
  base = `http://127.0.0.1:${slack.port}`;
  stop = () => slack.stop();
});
afterAll(async () => {
  await stop();
  await api.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (body: SlackBody) => sendToApp(`${base}/slack/events`, body, { secret: SIGNING_SECRET });

describe("Slack OAuth v2", () => {
  it("sends the installer to Slack's consent page with the bot scopes and a signed state", async () => {
    const { state, cookie, location } = await beginInstall(base);
    expect(location.origin + location.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe("1111.2222");
    expect(location.searchParams.get("scope")?.split(",")).toContain("commands");
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it("refuses a redirect whose state it did not sign, without asking Slack for a token", async () => {
    const { cookie } = await beginInstall(base);
    const res = await fetch(`${base}/slack/oauth_redirect?code=abc&state=forged`, { headers: { cookie } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(api.callsTo("oauth.v2.access")).toEqual([]);
  });

  it("installs: exchanges the code on SLACK_API_URL and keeps the workspace's token sealed in SQLite", async () => {
    const res = await install(base, api, { team: TEAM, token: TEAM_TOKEN });
    expect(res.status).toBe(200);
    expect(api.callsTo("oauth.v2.access")[0]?.body).toMatchObject({
      code: `code-${TEAM}`,
      client_id: "1111.2222",
      client_secret: "client-secret",
    });
    const installation = await store.fetchInstallation({
      teamId: TEAM,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(installation.bot?.token).toBe(TEAM_TOKEN);
    // At rest: sealed, the token nowhere in the file's row.
    const row = db.prepare("SELECT key, sealed FROM slack_installations").all() as {
      key: string;
      sealed: string;
    }[];
    expect(row.map((r) => r.key)).toEqual([`team:${TEAM}`]);
    expect(row[0]?.sealed).not.toContain(TEAM_TOKEN);
    expect(row[0]?.sealed).not.toContain("xoxb");
  });

  it("answers a command and a mention from that workspace, calling the Web API with that workspace's token", async () => {
    const id = "cmd-team2";
    await send(slashCommandFrom({ team: TEAM }, "/chip", "910B", api.responseUrl(id)));
    const response = await eventually(() => api.responsesTo(id)[0]);
    expect(response.body.response_type).toBe("in_channel");
    // A command that calls the Web API (an admin check) calls it with that workspace's token.
    api.answer("users.info", { ok: true, user: { id: "U0001", is_admin: true, is_owner: false } });
    await send(
      slashCommandFrom({ team: TEAM }, "/gapbot", "settings mentions on", api.responseUrl("cmd-settings")),
    );
    await eventually(() => api.responsesTo("cmd-settings")[0]);
    expect(api.callsTo("users.info").map((c) => c.token)).toEqual([TEAM_TOKEN]);
    await send(mentionFrom(TEAM, "1", "/chip 910B"));
    const post = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0T2"),
    );
    expect(post.token).toBe(TEAM_TOKEN);
    expect(post.body).toMatchObject({
      channel: "C0T2",
      ...renderSlack(core.answer(requestFromQuery("/chip 910B")), { query: "/chip 910B" }),
    });
  });

  it("installs org-wide on Enterprise Grid under the enterprise id, and answers its workspaces with the org's token", async () => {
    const res = await install(base, api, { enterprise: ORG, token: ORG_TOKEN });
    expect(res.status).toBe(200);
    const keys = (
      db.prepare("SELECT key FROM slack_installations ORDER BY key").all() as { key: string }[]
    ).map((r) => r.key);
    expect(keys).toEqual([`enterprise:${ORG}`, `team:${TEAM}`]);
    await send(mentionFrom("T0INORG", "org", "/gap compute", { enterprise: ORG }));
    const post = await eventually(() => api.callsTo("chat.postMessage").find((c) => c.token === ORG_TOKEN));
    expect(post.body.channel).toBe("C0T2");
  });

  it("on app_uninstalled, removes the workspace, and answers nothing from it after", async () => {
    await send(
      eventFrom(TEAM, "Ev-oauth-uninstall", { type: "app_uninstalled", event_ts: "1700030100.000100" }),
    );
    await eventually(
      () => !db.prepare("SELECT key FROM slack_installations WHERE key = ?").get(`team:${TEAM}`),
    );
    await expect(
      store.fetchInstallation({ teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/no Slack installation/);
    const before = api.callsTo("chat.postMessage").length;
    await send(mentionFrom(TEAM, "2", "/chip 910B"));
    await new Promise((r) => setTimeout(r, 200));
    expect(api.callsTo("chat.postMessage")).toHaveLength(before);
  });

  it("on tokens_revoked for the bot, removes the installation too", async () => {
    await install(base, api, { team: TEAM, token: TEAM_TOKEN });
    expect(
      (await store.fetchInstallation({ teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe(TEAM_TOKEN);
    await send(
      eventFrom(TEAM, "Ev-oauth-revoked", {
        type: "tokens_revoked",
        tokens: { bot: [INSTALLED_BOT_USER] },
        event_ts: "1700030200.000100",
      }),
    );
    await eventually(
      () => !db.prepare("SELECT key FROM slack_installations WHERE key = ?").get(`team:${TEAM}`),
    );
  });

  it("on app_uninstalled from an org-wide install, removes the organisation's one installation", async () => {
    const orgKey = `enterprise:${ORG}`;
    expect(db.prepare("SELECT key FROM slack_installations WHERE key = ?").get(orgKey)).toBeDefined();
    await send(
      eventFrom(
        "T0INORG",
        "Ev-oauth-org-uninstall",
        { type: "app_uninstalled", event_ts: "1700030300.000100" },
        ORG,
      ),
    );
    await eventually(() => !db.prepare("SELECT key FROM slack_installations WHERE key = ?").get(orgKey));
    const before = api.callsTo("chat.postMessage").length;
    await send(mentionFrom("T0INORG", "org-after", "/gap compute", { enterprise: ORG }));
    await new Promise((r) => setTimeout(r, 200));
    expect(api.callsTo("chat.postMessage")).toHaveLength(before);
  });
});
