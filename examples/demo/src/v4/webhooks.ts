/**
 * Webhooks end to end: a receiver of @wrikekit/webhooks on 127.0.0.1 subscribed to the emulator, which
 * posts it real, signed requests for the changes the API makes. Every event printed here passed the
 * receiver's signature check before its handler ran; a forged delivery and a replay show what it refuses.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookReceiver, isKnownWebhookEvent, type WrikeWebhookEvent } from "@wrikekit/webhooks";
import { toNodeListener } from "@wrikekit/webhooks/node";
import { signWebhookRequest } from "@wrikekit/webhooks/testing";
import type { Counts } from "../counts.js";
import type { Story } from "../story.js";
import type { EmulatorTarget } from "./connect.js";

function describeEvent(event: WrikeWebhookEvent): string {
  if (!isKnownWebhookEvent(event)) return `${event.eventType} (a type this toolkit does not know yet, passed on as is)`;
  switch (event.eventType) {
    case "TaskTitleChanged":
    case "TaskStatusChanged":
      return `${event.eventType} of ${event.taskId}: ${JSON.stringify(event.oldValue)} → ${JSON.stringify(event.value)}`;
    case "CommentAdded":
      return `${event.eventType} ${event.commentId} on ${event.taskId ?? event.folderId}`;
    default:
      return `${event.eventType}${"taskId" in event ? ` of ${event.taskId}` : ""}`;
  }
}

export async function showWebhooks({ wrike, server }: EmulatorTarget, story: Story, counts: Counts, folderId: string): Promise<void> {
  story.step("Webhooks: a local receiver, subscribed, printing events as they arrive");
  // The secret never leaves this process except to the emulator, which signs with it.
  const secret = randomBytes(24).toString("hex");
  const handled: WrikeWebhookEvent[] = [];
  const receive = createWebhookReceiver({
    secret,
    handler: (event) => {
      handled.push(event);
      story.fact(`   ← ${describeEvent(event)} (signature verified)`);
    },
  });
  const http = createServer(toNodeListener(receive));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/wrike`;
  try {
    const [hook] = (await wrike.webhooks.createInFolder({ folderId, hookUrl, secret, recursive: true })).data;
    story.fact(`webhook ${hook!.id} on the project posts to ${hookUrl} (${hook!.status}); creating it ran the handshake, answered by the receiver`);

    const change = async (label: string, write: () => Promise<unknown>) => {
      story.fact(`→ ${label}`);
      await write();
      await server.emulator.webhooks.idle();
    };
    let taskId = "";
    await change("create a task", async () => {
      taskId = (await wrike.tasks.createInFolder({ folderId, title: "Write the launch post" })).data[0]!.id;
      counts.tasks++;
    });
    await change("rename it and complete it", () => wrike.tasks.update({ taskId, title: "Write and publish the launch post", status: "Completed" }));
    await change("comment on it", async () => {
      await wrike.comments.createInTask({ taskId, text: "Published." });
      counts.comments++;
    });

    const deliver = async (label: string, request: Request) => {
      const before = handled.length;
      const { status } = await fetch(request);
      story.fact(`${label}: HTTP ${status}, handler run ${handled.length - before} times`);
    };
    await deliver("a forged delivery, signed with another secret", await signWebhookRequest({ secret: "not-the-secret", url: hookUrl, events: [{ eventType: "TaskDeleted", webhookId: hook!.id, taskId }] }));
    await deliver("a replay of the last event, correctly signed (de-duplicated)", await signWebhookRequest({ secret, url: hookUrl, events: [handled.at(-1)] }));

    await wrike.webhooks.delete({ webhookId: hook!.id });
    const distinct = new Set(handled.map((event) => JSON.stringify(event))).size;
    story.fact(`${handled.length} events handled, ${distinct === handled.length ? "each exactly once" : `${handled.length - distinct} of them again`}; the webhook is deleted`);
  } finally {
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}
