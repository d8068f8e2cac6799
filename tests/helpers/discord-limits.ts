// Every Discord limit a message payload must respect, checked independently of the renderer's own budget code.
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
import type { DiscordMessage } from "../../src/adapters/discord/render.js";

/** Each limit the message breaks, as a readable line; empty when it is valid. */
export function discordLimitProblems(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(message.embeds.length <= 10, `${message.embeds.length} embeds > 10`);
  check((message.content ?? "").length <= 2000, "content > 2000");
  check(
    JSON.stringify(message.allowed_mentions) === JSON.stringify({ parse: [], replied_user: false }),
    "allowed_mentions must ping no one",
  );
  let total = 0;
  for (const e of message.embeds) {
    const fields = e.fields ?? [];
    check((e.title ?? "").length <= 256, `title ${e.title?.length} > 256`);
    check((e.description ?? "").length <= 4096, "description > 4096");
    check(fields.length <= 25, `${fields.length} fields > 25`);
    check(e.title === undefined || e.title.trim().length > 0, "empty title");
    for (const f of fields) {
      check(f.name.length <= 256, `field name ${f.name.length} > 256`);
      check(f.value.length <= 1024, `field value ${f.value.length} > 1024`);
      check(f.name.trim().length > 0 && f.value.trim().length > 0, "empty field name or value");
    }
    check((e.footer?.text ?? "").length <= 2048, "footer > 2048");
    check(e.footer === undefined || e.footer.text.trim().length > 0, "empty footer");
    total +=
      (e.title ?? "").length +
      (e.description ?? "").length +
      fields.reduce((n, f) => n + f.name.length + f.value.length, 0) +
      (e.footer?.text ?? "").length;
  }
  check(total <= 6000, `embeds total ${total} > 6000`);
  check(message.components.length <= 5, `${message.components.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of message.components) {
    check(row.type === 1, "a top-level component is not an action row");
    check(row.components.length >= 1 && row.components.length <= 5, "action row with 0 or > 5 buttons");
    for (const b of row.components) {
      check(b.label.length >= 1 && b.label.length <= 80, `button label ${b.label.length} not in 1..80`);
      check(
        b.custom_id.length >= 1 && b.custom_id.length <= 100,
        `custom_id ${b.custom_id.length} not in 1..100`,
      );
      check(!ids.has(b.custom_id), `duplicate custom_id ${b.custom_id}`);
      ids.add(b.custom_id);
    }
  }
  return problems;
}
