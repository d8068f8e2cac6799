// A stand-in for Slack's Socket Mode WebSocket on 127.0.0.1: says hello, delivers envelopes, records acks.
// The Web API stand-in's apps.connections.open hands out its URL.
// https://docs.slack.dev/apis/events-api/using-socket-mode
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface Envelope {
  envelope_id: string;
  type: "events_api" | "slash_commands" | "interactive";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketModeStandIn {
  readonly url: string;
  /** Every message the app sent us, parsed: acks are {envelope_id, payload}. */
  readonly received: Record<string, unknown>[];
  connections(): number;
  /** Sends an envelope to the connected app. */
  deliver(envelope: Envelope): void;
  /** Cuts every connection without a close handshake, as a network failure would. */
  drop(): void;
  close(): Promise<void>;
}

export async function startSocketModeStandIn(): Promise<SocketModeStandIn> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const received: Record<string, unknown>[] = [];
  const sockets = new Set<WebSocket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("message", (data) => received.push(JSON.parse(String(data))));
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "applink-stand-in", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: "A0001" },
      }),
    );
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=stand-in`,
    received,
    connections: () => [...sockets].filter((s) => s.readyState === s.OPEN).length,
    deliver: (envelope) => {
      for (const s of sockets) s.send(JSON.stringify(envelope));
    },
    drop: () => {
      for (const s of sockets) s.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.terminate();
        server.close(() => resolve());
      }),
  };
}
