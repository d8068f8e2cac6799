// A local Discord for tests: a REST stand-in (node:http) and a gateway stand-in (ws) on 127.0.0.1.
// The real discord.js Client talks to them through DISCORD_API_URL; tests assert on what reaches REST.
// Shapes follow discord-api-types v10: https://discord.com/developers/docs/events/gateway-events
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIGuildTextChannel,
  APIInteraction,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIUser,
  ApplicationFlags,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GatewayReadyDispatchData,
  GuildTextChannelType,
} from "discord.js";
import { type RawData, WebSocket, WebSocketServer } from "ws";

// Opcodes and types as numbers: the helper stays free of discord.js at run time.
const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  resume: 6,
  reconnect: 7,
  invalidSession: 9,
  hello: 10,
  ack: 11,
};

export interface RecordedRequest {
  method: string;
  /** Decoded, without the query string, e.g. "/v10/webhooks/1/tok/messages/@original". */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** Parsed JSON, or for multipart the parsed payload_json part; undefined when empty. */
  body: unknown;
  /** For multipart, every file part: its form field, file name, content type and bytes. */
  files?: UploadedFile[];
}

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
}

let snowflakeCounter = 0;
/** A real-looking snowflake: milliseconds since the Discord epoch in the top bits, a counter below. */
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1) % 4096;
  return ((BigInt(Date.now() - 1_420_070_400_000) << 22n) | BigInt(snowflakeCounter)).toString();
}

/** Polls until `check` returns something truthy; fails after `timeoutMs` (bounded, never hangs a test). */
export async function eventually<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function user(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null, bot };
}

/** Where an interaction happens and who authorised the app there (the defaults: a server that added it). */
export interface InteractionPlace {
  /** The asker's own install of the app authorised it (authorizing_integration_owners key 1). */
  userInstall?: boolean;
  /** In a server that never added the bot (only with userInstall). */
  otherGuild?: boolean;
  /** In a DM or group DM between users, not the bot's DM (context 2). */
  privateChannel?: boolean;
  /** The asking member's permissions in the server, e.g. USE_EXTERNAL_APPS (1 << 50). */
  permissions?: bigint;
}

export interface StandInOptions {
  /** HELLO's heartbeat_interval: short, so heartbeats and their ACKs happen during tests. */
  heartbeatIntervalMs?: number;
  /** What GET /gateway/bot recommends (the sharding manager's "auto"). */
  recommendedShards?: number;
  /** Answers IDENTIFY by closing with this code, as Discord does for a bad token (4004) or intents (4014). */
  identifyCloseCode?: number;
}

/** Both stand-ins, wired together: GET /gateway/bot points at the gateway. */
export class DiscordStandIn {
  readonly applicationId = snowflake();
  readonly bot = user(snowflake(), "gapbot", true);
  readonly asker = user(snowflake(), "asker");
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly dmChannelId = snowflake();
  readonly token = `test.${randomBytes(8).toString("hex")}`;

  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayFrame[] = [];
  /** Registered commands, by "global" or a guild id. */
  readonly commands = new Map<string, object[]>();

  private http!: Server;
  private wss!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private live: WebSocket | undefined;
  private held: WebSocket[] = [];
  private holding = false;
  private sessions = new Map<string, { seq: number }>();
  private sessionId: string | undefined;

  private constructor(private readonly options: StandInOptions) {}

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn(options);
    await standIn.listen();
    return standIn;
  }

  /** DISCORD_API_URL: the REST base without /v10 (discord.js appends it). */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  /** Connections held back by hold(), waiting for their HELLO. */
  get waiting(): number {
    return this.held.length;
  }

  /** True while a client socket has identified or resumed and is still open. */
  get connected(): boolean {
    return this.live?.readyState === WebSocket.OPEN;
  }

  private async listen(): Promise<void> {
    this.http = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.wss.once("listening", () => resolve()));
    this.wss.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        if (this.live === socket) this.live = undefined;
      });
      socket.on("message", (data) => this.onFrame(socket, data));
      if (this.holding) this.held.push(socket);
      else this.hello(socket);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ── gateway ────────────────────────────────────────────────────────────

  /** New connections wait (no HELLO) until release(): the window between a drop and the resume. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const socket of this.held.splice(0)) if (socket.readyState === WebSocket.OPEN) this.hello(socket);
  }

  /** Cuts every socket without a close frame, as a network failure would (the client sees 1006). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
    this.live = undefined;
  }

  /** Closes every socket with a close frame carrying `code`, as Discord does on a fatal error (4004, 4014). */
  closeConnections(code: number, reason = "stand-in close"): void {
    for (const socket of this.sockets) socket.close(code, reason);
    this.live = undefined;
  }

  /** Sends a dispatch (op 0) with the session's next sequence number; returns that number. */
  dispatch(t: string, d: unknown): number {
    const socket = this.live;
    const session = this.sessionId ? this.sessions.get(this.sessionId) : undefined;
    if (!socket || !session) throw new Error("no identified gateway connection to dispatch to");
    session.seq += 1;
    socket.send(JSON.stringify({ op: OP.dispatch, t, s: session.seq, d }));
    return session.seq;
  }

  framesWithOp(op: number): GatewayFrame[] {
    return this.received.filter((f) => f.op === op);
  }

  private hello(socket: WebSocket): void {
    const heartbeat_interval = this.options.heartbeatIntervalMs ?? 1_000;
    socket.send(JSON.stringify({ op: OP.hello, d: { heartbeat_interval }, s: null, t: null }));
  }

  private onFrame(socket: WebSocket, data: RawData): void {
    const frame = JSON.parse(data.toString()) as GatewayFrame;
    this.received.push(frame);
    if (frame.op === OP.heartbeat) {
      socket.send(JSON.stringify({ op: OP.ack, d: null, s: null, t: null }));
    } else if (frame.op === OP.identify) {
      if (this.options.identifyCloseCode) socket.close(this.options.identifyCloseCode, "stand-in refusal");
      else this.identify(socket, frame.d as { shard?: [number, number] });
    } else if (frame.op === OP.resume) {
      const { session_id } = frame.d as { session_id: string; seq: number };
      const session = this.sessions.get(session_id);
      if (!session) {
        socket.send(JSON.stringify({ op: OP.invalidSession, d: false, s: null, t: null }));
        return;
      }
      this.live = socket;
      this.sessionId = session_id;
      session.seq += 1;
      socket.send(JSON.stringify({ op: OP.dispatch, t: "RESUMED", s: session.seq, d: {} }));
    }
  }

  private identify(socket: WebSocket, d: { shard?: [number, number] }): void {
    const sessionId = randomBytes(16).toString("hex");
    this.sessions.set(sessionId, { seq: 0 });
    this.sessionId = sessionId;
    this.live = socket;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.bot,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
      ...(d.shard ? { shard: d.shard } : {}),
    };
    this.dispatch("READY", ready);
    // discord.js waits for every unavailable guild, and drops messages from channels it has not cached.
    this.dispatch("GUILD_CREATE", this.guild());
  }

  private guild(): GatewayGuildCreateDispatchData {
    const channel: APIGuildTextChannel<GuildTextChannelType> = {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: "general",
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    } as unknown as APIGuildTextChannel<GuildTextChannelType>;
    return {
      id: this.guildId,
      name: "Stand-in guild",
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.asker.id,
      afk_channel_id: null,
      afk_timeout: 60,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [channel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    } as unknown as GatewayGuildCreateDispatchData;
  }

  // ── payloads a test dispatches ─────────────────────────────────────────

  /** A server that never added the bot, where only a user's own install of it can be used. */
  readonly otherGuildId = snowflake();
  readonly otherChannelId = snowflake();

  private interactionBase(inGuild = true, where: InteractionPlace = {}) {
    // Who authorised the app here: the server (key 0) or, for a user install, the asker (key 1).
    const owners = where.userInstall
      ? { 1: this.asker.id, ...(inGuild && !where.otherGuild ? { 0: this.guildId } : {}) }
      : { 0: inGuild ? this.guildId : "0" };
    const base = {
      id: snowflake(),
      application_id: this.applicationId,
      token: `itok-${randomBytes(12).toString("hex")}`,
      version: 1 as const,
      app_permissions: "0",
      locale: "en-US" as const,
      entitlements: [],
      authorizing_integration_owners: owners,
      attachment_size_limit: 8_388_608,
    };
    if (!inGuild) {
      // The bot's own DM (context 1), or a DM between users where only a user install reaches (context 2).
      const channelId = where.privateChannel ? snowflake() : this.dmChannelId;
      return {
        ...base,
        user: this.asker,
        channel: { id: channelId, type: 1, recipients: [this.asker] },
        channel_id: channelId,
        context: where.privateChannel ? 2 : 1,
      };
    }
    const guildId = where.otherGuild ? this.otherGuildId : this.guildId;
    const channelId = where.otherGuild ? this.otherChannelId : this.channelId;
    return {
      ...base,
      guild_id: guildId,
      guild_locale: "en-US" as const,
      guild: { id: guildId, features: [], locale: "en-US" },
      channel: { id: channelId, type: 0, name: "general", guild_id: guildId },
      channel_id: channelId,
      member: {
        user: this.asker,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        permissions: (where.permissions ?? 0n).toString(),
      },
      context: 0,
    };
  }

  /** INTERACTION_CREATE for `/name option:value…`; `private: true` is passed like any option. */
  slashCommand(
    name: string,
    options: Record<string, string | boolean> = {},
    where: InteractionPlace & { dm?: boolean } = {},
  ): APIChatInputApplicationCommandInteraction {
    const data: APIApplicationCommandInteractionDataOption[] = Object.entries(options).map(([n, value]) =>
      typeof value === "boolean"
        ? { name: n, type: 5, value }
        : ({ name: n, type: 3, value } as APIApplicationCommandInteractionDataOption),
    );
    return {
      ...this.interactionBase(!where.dm && !where.privateChannel, where),
      type: 2,
      data: { id: snowflake(), name, type: 1, options: data },
    } as unknown as APIChatInputApplicationCommandInteraction;
  }

  /** INTERACTION_CREATE for a message command (type 3) on a message with `content`, by someone else. */
  messageCommand(
    name: string,
    content: string,
    where: InteractionPlace & { dm?: boolean } = {},
  ): APIMessageApplicationCommandInteraction {
    const base = this.interactionBase(!where.dm && !where.privateChannel, where);
    const target = {
      ...this.messageFromBody({ content }, base.channel_id),
      author: user(snowflake(), "someone"),
    };
    return {
      ...base,
      type: 2,
      data: {
        id: snowflake(),
        name,
        type: 3,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
    } as unknown as APIMessageApplicationCommandInteraction;
  }

  /** INTERACTION_CREATE type 4 (autocomplete) with `focused` being typed. */
  autocomplete(name: string, options: Record<string, string>, focused: string): APIInteraction {
    const data = Object.entries(options).map(([n, value]) => ({
      name: n,
      type: 3,
      value,
      ...(n === focused ? { focused: true } : {}),
    }));
    return {
      ...this.interactionBase(),
      type: 4,
      data: { id: snowflake(), name, type: 1, options: data },
    } as unknown as APIInteraction;
  }

  /** INTERACTION_CREATE for a click on a button of `message` (one the bot sent earlier). */
  buttonClick(customId: string, message: APIMessage): APIMessageComponentInteraction {
    return {
      ...this.interactionBase(),
      type: 3,
      message,
      data: { custom_id: customId, component_type: 2 },
    } as unknown as APIMessageComponentInteraction;
  }

  /** MESSAGE_CREATE from the asker; `mentionsBot` adds the bot to `mentions` (Discord does so for <@id>). */
  message(
    content: string,
    where: { dm?: boolean; mentionsBot?: boolean } = {},
  ): GatewayMessageCreateDispatchData {
    const base = {
      id: snowflake(),
      channel_id: where.dm ? this.dmChannelId : this.channelId,
      author: this.asker,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: where.mentionsBot ? [this.bot] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
    };
    if (where.dm) return { ...base, channel_type: 1 } as GatewayMessageCreateDispatchData;
    return {
      ...base,
      guild_id: this.guildId,
      channel_type: 0,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    } as unknown as GatewayMessageCreateDispatchData;
  }

  /** A message as REST returns it, built from a sent body: what a button click's `message` carries. */
  messageFromBody(body: unknown, channelId = this.channelId, extra: Partial<APIMessage> = {}): APIMessage {
    const b = (body ?? {}) as Partial<APIMessage>;
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.bot,
      content: b.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      pinned: false,
      type: 0,
      flags: b.flags ?? 0,
      ...extra,
    } as APIMessage;
  }

  // ── REST ───────────────────────────────────────────────────────────────

  private failures: { method: string; path: RegExp; status: number; times: number; retryAfter?: number }[] =
    [];

  /** Every message the bot posted to a channel, as the stand-in answered it (with the id it gave it). */
  readonly sent: APIMessage[] = [];

  /**
   * The next `times` requests matching method and path answer `status` (recorded all the same): a 429 with
   * Retry-After and Discord's JSON body, or a 5xx, as Discord does under load.
   * https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit
   */
  failNext(method: string, path: RegExp, status: number, times = 1, retryAfterSeconds?: number): void {
    this.failures.push({
      method,
      path,
      status,
      times,
      ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}),
    });
  }

  /** The recorded requests matching method and a path pattern. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const { body, files } = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body,
      ...(files ? { files } : {}),
    };
    this.requests.push(recorded);
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === recorded.method && f.path.test(recorded.path),
    );
    if (failure) {
      failure.times -= 1;
      if (failure.status === 429) {
        const after = failure.retryAfter ?? 1;
        res.writeHead(429, {
          "content-type": "application/json",
          "retry-after": String(after),
          "x-ratelimit-scope": "user",
        });
        res.end(
          JSON.stringify({ message: "You are being rate limited.", retry_after: after, global: false }),
        );
        return;
      }
      return json(res, failure.status, { message: `${failure.status}: stand-in failure`, code: 0 });
    }
    // As Discord does, bot routes refuse a wrong token; interaction callbacks and webhooks use their own token.
    const botRoute = /^\/v10\/(gateway\/bot|users\/|applications\/|channels\/)/.test(recorded.path);
    if (botRoute && recorded.authorization !== `Bot ${this.token}`) {
      return json(res, 401, { message: "401: Unauthorized", code: 0 });
    }
    for (const [method, pattern, answer] of this.routes()) {
      const match = method === recorded.method ? pattern.exec(recorded.path) : null;
      if (match) return answer(res, match, body);
    }
    json(res, 404, { message: "404: Not Found", code: 0 });
  }

  /** [method, path pattern, answer]: the REST routes discord.js calls for this adapter. */
  private routes(): [string, RegExp, (res: ServerResponse, m: RegExpExecArray, body: unknown) => void][] {
    const message = (
      res: ServerResponse,
      body: unknown,
      channelId: string,
      extra: Partial<APIMessage> = {},
    ) => json(res, 200, this.messageFromBody(body, channelId, extra));
    const commands = (m: RegExpExecArray) => m[2] ?? "global";
    return [
      [
        "GET",
        /^\/v10\/gateway\/bot$/,
        (res) =>
          json(res, 200, {
            url: this.gatewayUrl,
            shards: this.options.recommendedShards ?? 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          }),
      ],
      ["GET", /^\/v10\/gateway$/, (res) => json(res, 200, { url: this.gatewayUrl })],
      ["GET", /^\/v10\/users\/@me$/, (res) => json(res, 200, this.bot)],
      // with_response=false (what discord.js asks for): 204, no body.
      ["POST", /^\/v10\/interactions\/\d+\/[^/]+\/callback$/, (res) => void res.writeHead(204).end()],
      [
        "PATCH",
        /^\/v10\/webhooks\/(\d+)\/[^/]+\/messages\/[^/]+$/,
        (res, m, body) => message(res, body, this.channelId, { webhook_id: m[1] }),
      ],
      [
        "GET",
        /^\/v10\/webhooks\/(\d+)\/[^/]+\/messages\/[^/]+$/,
        (res, m) => message(res, {}, this.channelId, { webhook_id: m[1] }),
      ],
      [
        "POST",
        /^\/v10\/webhooks\/(\d+)\/[^/]+$/,
        (res, m, body) => message(res, body, this.channelId, { webhook_id: m[1] }),
      ],
      [
        "POST",
        /^\/v10\/channels\/(\d+)\/messages$/,
        (res, m, body) => {
          const reference = (body as { message_reference?: APIMessage["message_reference"] })
            ?.message_reference;
          const sent = this.messageFromBody(
            body,
            m[1] ?? "",
            reference ? { message_reference: reference } : {},
          );
          this.sent.push(sent);
          json(res, 200, sent);
        },
      ],
      // The typing indicator: https://discord.com/developers/docs/resources/channel#trigger-typing-indicator
      ["POST", /^\/v10\/channels\/(\d+)\/typing$/, (res) => void res.writeHead(204).end()],
      [
        "GET",
        /^\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
        (res, m) => json(res, 200, this.commands.get(commands(m)) ?? []),
      ],
      [
        "PUT",
        /^\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
        (res, m, body) => {
          // As Discord does: ids and versions assigned, every other field echoed.
          const registered = (body as object[]).map((c) => ({
            id: snowflake(),
            application_id: m[1],
            version: snowflake(),
            default_member_permissions: null,
            nsfw: false,
            ...(m[2] ? { guild_id: m[2] } : {}),
            ...c,
          }));
          this.commands.set(commands(m), registered);
          json(res, 200, registered);
        },
      ],
    ];
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files?: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined };
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    // Node's fetch Response parses multipart: discord.js puts the JSON body in the payload_json part.
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") continue;
      files.push({
        field,
        filename: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    const payload = form.get("payload_json");
    const body = typeof payload === "string" ? JSON.parse(payload) : Object.fromEntries(form.entries());
    return { body, files };
  }
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { body: text };
  }
}
