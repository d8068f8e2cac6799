// OAuth mode's installation lifecycle: where a workspace's installation comes from (sealed, in the bot's
// SQLite file) and when it goes (the app uninstalled, or its bot token revoked).
// https://docs.slack.dev/reference/events/app_uninstalled · https://docs.slack.dev/reference/events/tokens_revoked
import type { App, InstallationStore } from "@slack/bolt";
import type { SlackOAuthSettings } from "../../config/settings.js";
import { TokenCipher } from "../../state/token-cipher.js";
import { openDatabase } from "../../storage/database.js";
import type { AdapterContext } from "../adapter.js";
import { SealedInstallationStore, SqliteInstallationRecords } from "./installation-store.js";

/** The installation store OAuth mode uses when start-up gives none: the bot's SQLite file under DATA_DIR. */
export function defaultInstallationStore(oauth: SlackOAuthSettings): InstallationStore {
  return new SealedInstallationStore(
    new SqliteInstallationRecords(openDatabase({ dir: oauth.dataDir })),
    new TokenCipher(oauth.tokenKey),
  );
}

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
