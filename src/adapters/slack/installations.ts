// OAuth mode's installation lifecycle: when a workspace's installation goes (the app uninstalled, or its bot
// token revoked). Where installations are kept is start-up's choice (src/start.ts: Redis, else DATA_DIR).
// https://docs.slack.dev/reference/events/app_uninstalled · https://docs.slack.dev/reference/events/tokens_revoked
import type { App, InstallationStore } from "@slack/bolt";
import type { AdapterContext } from "../adapter.js";

/** Forgets a workspace (or an org-wide install) as soon as Slack says the app is gone from it. */
export function registerInstallationListeners(app: App, store: InstallationStore, ctx: AdapterContext): void {
  const forget = async (
    why: string,
    context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  ) => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    };
    await store.deleteInstallation?.(query);
    ctx.logger.info(
      { platform: "slack", teamId: query.teamId, enterpriseId: query.enterpriseId, why },
      "slack installation removed",
    );
  };
  app.event("app_uninstalled", async ({ context }) => {
    await forget("app_uninstalled", context);
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    // Only the bot's token matters: a user token revoked leaves the bot installed.
    if (event.tokens.bot?.length) await forget("tokens_revoked", context);
  });
}
