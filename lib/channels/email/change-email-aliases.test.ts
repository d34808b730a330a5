import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { emailChannelAddresses } from "@/lib/db/schema";
import { createTestApiKey, createTestEmailChannel, createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { changeEmailAliases } from "./change-email-aliases";
import { findEmailChannelForRecipient } from "./email-channels";
import { emailAliasesInput } from "./email-channel.validation";

const addressesOf = async (channelId: string) =>
  (await db().select().from(emailChannelAddresses).where(eq(emailChannelAddresses.channelId, channelId))).map((row) => row.address).sort();

describe("changing an email channel's aliases", () => {
  it("adds and removes addresses, and mail for them reaches the channel", async () => {
    const { actor } = await createTestApiKey();
    const channel = await createTestEmailChannel();
    const [help, billing] = [uniqueEmail("help"), uniqueEmail("billing")];

    await changeEmailAliases(actor, emailAliasesInput.parse({ channelId: channel.id, aliases: `${help}\n${billing.toUpperCase()}` }));
    expect(await addressesOf(channel.id)).toEqual([channel.settings.address, billing, help].sort());
    expect((await findEmailChannelForRecipient(db(), billing.replace("@", "+t12@")))?.id).toBe(channel.id);

    await changeEmailAliases(actor, emailAliasesInput.parse({ channelId: channel.id, aliases: [billing] }));
    expect(await addressesOf(channel.id)).toEqual([channel.settings.address, billing].sort());
    expect(await findEmailChannelForRecipient(db(), help)).toBeUndefined();
  });

  it("refuses an address another channel answers to, naming it, and changes nothing", async () => {
    const { actor } = await createTestApiKey();
    const taken = uniqueEmail("taken");
    const owner = await createTestEmailChannel({ aliases: [taken] });
    const other = await createTestEmailChannel();
    const mine = uniqueEmail("mine");

    await expect(changeEmailAliases(actor, emailAliasesInput.parse({ channelId: other.id, aliases: [mine, taken] }))).rejects.toMatchObject({
      code: "conflict",
      details: [{ path: "aliases", message: `${taken} already belongs to another email channel` }],
    });
    await expect(
      changeEmailAliases(actor, emailAliasesInput.parse({ channelId: other.id, aliases: [owner.settings.address] })),
    ).rejects.toMatchObject({ code: "conflict", details: [{ path: "aliases" }] });
    await expect(
      changeEmailAliases(actor, emailAliasesInput.parse({ channelId: other.id, aliases: [other.settings.address] })),
    ).rejects.toMatchObject({ code: "validation_failed", details: [{ path: "aliases" }] });
    expect(await addressesOf(other.id)).toEqual([other.settings.address]);
  });

  it("refuses bad lists before anything is written, and anyone but an admin", async () => {
    const channel = await createTestEmailChannel();
    expect(emailAliasesInput.safeParse({ channelId: channel.id, aliases: "not-an-address" }).success).toBe(false);
    expect(emailAliasesInput.safeParse({ channelId: channel.id, aliases: "a@b.test\nA@b.test" }).success).toBe(false);
    const { actor: agent } = await createTestUser({ role: "agent" });
    await expect(changeEmailAliases(agent, { channelId: channel.id, aliases: [] })).rejects.toMatchObject({ code: "forbidden" });
  });
});
