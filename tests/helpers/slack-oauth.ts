// Slack's OAuth v2 install as a browser and Slack go through it, against the app's real Bolt receiver:
// GET /slack/install, Slack's consent (the oauth.v2.access stand-in's answer), GET /slack/oauth_redirect; and
// events as they come from an installed workspace or an Enterprise Grid org-wide install.
// https://docs.slack.dev/authentication/installing-with-oauth
import { expect } from "vitest";
import type { SlackApiStandIn } from "./slack-api-stand-in.js";
import type { SlackBody } from "./slack-requests.js";

/** The bot user every installation below names. */
export const INSTALLED_BOT_USER = "UBOT2";

export interface Install {
  team?: string;
  /** An org-wide install: this enterprise id and no team. */
  enterprise?: string;
  token: string;
}

/** oauth.v2.access's answer for an install of the bot into `install`'s team (or org). */
export function oauthAccessAnswer(install: Install): Record<string, unknown> {
  const org = install.enterprise !== undefined && install.team === undefined;
  return {
    ok: true,
    access_token: install.token,
    token_type: "bot",
    scope: "commands,chat:write,app_mentions:read",
    bot_user_id: INSTALLED_BOT_USER,
    app_id: "A0001",
    team: install.team ? { id: install.team, name: `Team ${install.team}` } : null,
    enterprise: install.enterprise ? { id: install.enterprise, name: "Org" } : null,
    is_enterprise_install: org,
    authed_user: { id: "U0ADMIN" },
  };
}

/** GET /slack/install: Bolt redirects to Slack's consent page with a signed state, kept in a cookie too. */
export async function beginInstall(base: string): Promise<{ state: string; cookie: string; location: URL }> {
  const res = await fetch(`${base}/slack/install`, { redirect: "manual" });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location") ?? "");
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { state: location.searchParams.get("state") ?? "", cookie, location };
}

/** The whole install: the stand-in will grant `install`, and the browser comes back with Slack's code. */
export async function install(base: string, api: SlackApiStandIn, what: Install): Promise<Response> {
  api.answer("oauth.v2.access", oauthAccessAnswer(what));
  const { state, cookie } = await beginInstall(base);
  const code = `code-${what.team ?? what.enterprise}`;
  return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
}

/** An event from workspace `team`; with `enterprise`, from a workspace of that org-wide install. */
export function eventFrom(
  team: string,
  eventId: string,
  event: Record<string, unknown>,
  enterprise?: string,
): SlackBody {
  return {
    body: JSON.stringify({
      token: "legacy",
      team_id: team,
      ...(enterprise ? { enterprise_id: enterprise, is_enterprise_install: true } : {}),
      api_app_id: "A0001",
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: 1_700_000_000,
      authorizations: [
        {
          team_id: team,
          enterprise_id: enterprise ?? null,
          user_id: INSTALLED_BOT_USER,
          is_bot: true,
          is_enterprise_install: enterprise !== undefined,
        },
      ],
    }),
    contentType: "application/json",
  };
}

let mentions = 0;

/** An app_mention of the installed bot in channel `channel` of workspace `team` (or of org `enterprise`). */
export function mentionFrom(
  team: string,
  id: string,
  text: string,
  options: { channel?: string; enterprise?: string } = {},
): SlackBody {
  const ts = `1700030000.${String(++mentions).padStart(6, "0")}`;
  return eventFrom(
    team,
    `Ev-oauth-${id}`,
    {
      type: "app_mention",
      channel: options.channel ?? "C0T2",
      user: "U0T2",
      text: `<@${INSTALLED_BOT_USER}> ${text}`,
      ts,
      event_ts: ts,
    },
    options.enterprise,
  );
}
