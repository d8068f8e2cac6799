// Slash commands, autocomplete and button clicks: normalise, answer through the core, render, reply.
// https://discord.com/developers/docs/interactions/receiving-and-responding
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import { adminCommands, findCommand } from "../../../commands/index.js";
import type { Card, Citation } from "../../core/card.js";
import { requestLine } from "../../core/follow-up.js";
import type { CompletionKind, Request } from "../../core/request.js";
import { recordQuestion, recordVote } from "../../runtime/record.js";
import { coreForSources } from "../../runtime/scoped-core.js";
import { answerTurn, apologyCard } from "../../runtime/turn.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsIn } from "../channel-settings.js";
import { renderDiscordReply } from "./chart-reply.js";
import { PRIVATE_OPTION } from "./commands-payload.js";
import { parseCustomId } from "./custom-id.js";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, truncate } from "./limits.js";
import { messageCommand } from "./message-command.js";
import { commandRequest } from "./normalise.js";
import { overLimit } from "./rate-limit.js";
import { renderDiscord, renderDiscordSources, renderDiscordThanks } from "./render.js";
import { exactPayload, replyInTime } from "./reply.js";
import { settingsCommand } from "./settings.js";
import { mustBeEphemeral } from "./visibility.js";

export interface InteractionOptions {
  deferAfterMs?: number;
}

export async function handleInteraction(
  interaction: Interaction,
  ctx: AdapterContext,
  options: InteractionOptions = {},
): Promise<void> {
  // A resumed gateway can replay a dispatch: answer each interaction once (a second answer would fail anyway).
  if (!(await ctx.seen.firstTime(`discord:interaction:${interaction.id}`))) {
    ctx.metrics?.deduplicated("discord");
    return;
  }
  try {
    if (interaction.isAutocomplete()) return await autocomplete(interaction, ctx);
    if (interaction.isRepliable()) {
      // Over the limit: a private note to the asker, so a flood adds nothing to the channel.
      const limited = await overLimit(ctx, interaction.user.id, interaction.channelId, interaction.guildId);
      if (limited) {
        await interaction.reply(exactPayload(interaction, renderDiscord(limited, { ephemeral: true })));
        return;
      }
    }
    if (interaction.isChatInputCommand() && isSettings(interaction.commandName))
      return await settingsCommand(interaction, ctx);
    if (interaction.isChatInputCommand()) return await slashCommand(interaction, ctx, options);
    if (interaction.isMessageContextMenuCommand())
      return await messageCommand(interaction, ctx, options.deferAfterMs);
    if (interaction.isButton()) return await button(interaction, ctx, options);
  } catch (err) {
    // A bug: a short apology for the user (the caller logs the error), never a stack trace in chat.
    await apologise(interaction).catch(() => undefined);
    throw err;
  }
}

async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = renderDiscord(apologyCard(), { ephemeral: true });
  if (interaction.deferred)
    await interaction.editReply(exactPayload(interaction, { ...message, flags: undefined }));
  else if (!interaction.replied) await interaction.reply(exactPayload(interaction, message));
}

async function slashCommand(
  interaction: ChatInputCommandInteraction,
  ctx: AdapterContext,
  options: InteractionOptions,
): Promise<void> {
  const name = findCommand(interaction.commandName)?.name ?? interaction.commandName;
  const request = commandRequest(name, interaction.options.data);
  const here = await channelSettingsIn(ctx, "discord", interaction.guildId, interaction.channelId);
  const ephemeral =
    interaction.options.getBoolean(PRIVATE_OPTION) === true ||
    mustBeEphemeral(interaction) ||
    here?.replies === "ephemeral";
  const scoped = { ...ctx, core: coreForSources(ctx.core, here?.sources ?? []) };
  await replyInTime(
    interaction,
    ephemeral,
    () => answerRecorded(scoped, interaction, name, request, ephemeral),
    options.deferAfterMs,
  );
}

function isSettings(name: string): boolean {
  return adminCommands.some((c) => c.name === name && c.action === "settings");
}

/** The core's answer, recorded, rendered with 👍/👎 for the recorded question. */
async function answerRecorded(
  ctx: AdapterContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  command: string,
  request: Request,
  ephemeral: boolean,
) {
  // Awaited: a core may answer asynchronously (a remote one, a slow store), and replyInTime defers for it.
  const card = await Promise.resolve(answerTurn(ctx, { platform: "discord", command }, request));
  const answerId = recordQuestion(ctx, { platform: "discord", command }, requestLine(request), card, {
    user: interaction.user.id,
    channel: interaction.channelId ?? undefined,
    workspace: interaction.guildId ?? undefined,
  });
  return renderWithChart(ctx, card, ephemeral, answerId);
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: AdapterContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const option = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  const kind: CompletionKind | undefined = option?.autocomplete;
  const choices = kind ? ctx.core.complete(kind, String(focused.value ?? ""), AUTOCOMPLETE_CHOICES_MAX) : [];
  const seen = new Set<string>();
  const valid = choices
    // A cut value would no longer name the thing: such a choice is left out rather than truncated.
    .filter((c) => c.value.length > 0 && c.value.length <= CHOICE_VALUE_MAX && c.name.trim().length > 0)
    .filter((c) => !seen.has(c.value) && seen.add(c.value))
    .slice(0, AUTOCOMPLETE_CHOICES_MAX)
    .map((c) => ({ name: truncate(c.name, CHOICE_NAME_MAX), value: c.value }));
  await interaction.respond(valid);
}

async function button(
  interaction: ButtonInteraction,
  ctx: AdapterContext,
  options: InteractionOptions,
): Promise<void> {
  const action = parseCustomId(interaction.customId);
  if (action?.kind === "sources") {
    await replyInTime(
      interaction,
      true,
      () => renderDiscordSources(sourcesCard(ctx, action.refs)),
      options.deferAfterMs,
    );
    return;
  }
  if (action?.kind === "vote") {
    // Stored, then thanked privately: the channel sees nothing of a vote.
    recordVote(ctx, "discord", action.answerId, interaction.user.id, action.vote);
    await interaction.reply(exactPayload(interaction, renderDiscordThanks(action.vote, action.answerId)));
    return;
  }
  if (action?.kind === "reason") {
    recordVote(ctx, "discord", action.answerId, interaction.user.id, { reason: action.reason });
    // The question was the voter's alone (ephemeral): the thanks takes its place.
    const { flags: _flags, ...thanks } = renderDiscordThanks("reason", action.answerId);
    await interaction.update(exactPayload(interaction, thanks));
    return;
  }
  // A suggestion answers where its card was: privately under a private answer, in the channel otherwise.
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const request = action?.kind === "run" ? { text: action.command } : { command: "help", args: {} };
  await replyInTime(
    interaction,
    ephemeral,
    () => answerRecorded(ctx, interaction, "button", request, ephemeral),
    options.deferAfterMs,
  );
}

/** Each ref (a fact id or a paragraph number) answered by /source; their citations, in order, once each. */
function sourcesCard(ctx: AdapterContext, refs: readonly string[]): Card {
  const citations: Citation[] = [];
  for (const ref of refs) {
    const card = answerTurn(
      ctx,
      { platform: "discord", command: "sources" },
      { command: "source", args: { ref } },
    );
    citations.push(...card.citations);
  }
  return {
    kind: "source",
    title: "the answer above",
    headline: "",
    fields: [],
    citations,
    suggestions: [],
  };
}

/** The card with its chart attached as a PNG; a chart that fails to draw is logged and left out. */
function renderWithChart(ctx: AdapterContext, card: Card, ephemeral: boolean, answerId?: string) {
  return renderDiscordReply(
    ctx.kv,
    card,
    { ephemeral, ...(answerId ? { feedback: { answerId } } : {}) },
    (err) => ctx.logger.error({ err, platform: "discord" }, "discord chart failed to draw"),
  );
}
