import { describe, expect, it } from "vitest";
import { GET as auditLogRoute } from "@/app/api/v1/audit-log/route";
import { createChannel } from "@/lib/channels/create-channel";
import { createApiKeyAsAdmin } from "@/lib/settings/create-api-key-as-admin";
import { revokeApiKeyAsAdmin } from "@/lib/settings/revoke-api-key-as-admin";
import { apiRequest } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { addTeammate } from "@/lib/users/add-teammate";
import { changeTeammateRole } from "@/lib/users/change-teammate-role";
import { deactivateTeammate } from "@/lib/users/deactivate-teammate";
import { reactivateTeammate } from "@/lib/users/reactivate-teammate";
import type { AuditLogView } from "./list-audit-log";

type Page = { data: AuditLogView[]; nextCursor: string | null };

async function readWholeLog(key: string, limit = 3): Promise<AuditLogView[]> {
  const entries: AuditLogView[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
    const response = await auditLogRoute(apiRequest(`/api/v1/audit-log?${query}`, { key }));
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    entries.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe("the audit log", () => {
  it("records who changed the team, keys and channels, newest first, page by page without gaps", async () => {
    const { actor: admin, user: adminUser } = await createTestUser({ role: "admin" });
    const name = `Grace ${uniqueSuffix()}`;
    const { teammate } = await addTeammate(admin, { name, email: uniqueEmail("grace"), role: "agent" });
    await changeTeammateRole(admin, { userId: teammate.id, role: "staff" });
    await deactivateTeammate(admin, { userId: teammate.id });
    await reactivateTeammate(admin, teammate.id);
    const { apiKey } = await createApiKeyAsAdmin(admin, { name: `zapier ${uniqueSuffix()}` });
    await revokeApiKeyAsAdmin(admin, apiKey.id);
    const { key, actor: keyActor } = await createTestApiKey({ name: "audit reader" });
    const channel = await createChannel(keyActor, { kind: "email", name: "Support", address: uniqueEmail("support") });

    const mine = (await readWholeLog(key)).filter(
      (entry) => entry.actor.id === adminUser.id || entry.actor.id === keyActor.id,
    );
    expect(mine.map((entry) => [entry.action, entry.target.name])).toEqual([
      ["channel.created", "Support"],
      ["api_key.revoked", apiKey.name],
      ["api_key.created", apiKey.name],
      ["teammate.reactivated", name],
      ["teammate.deactivated", name],
      ["teammate.role_changed", name],
      ["teammate.added", name],
    ]);
    expect(mine[0]).toMatchObject({ actor: { type: "api_key", name: "audit reader" }, target: { id: channel.id } });
    expect(mine[5]).toMatchObject({ actor: { type: "user", name: adminUser.name }, data: { from: "agent", to: "staff" } });
    expect(new Set((await readWholeLog(key, 100)).map((e) => e.id)).size).toBe((await readWholeLog(key, 2)).length);
  });

  it("records nothing for a refused change", async () => {
    const { actor: admin, user: adminUser } = await createTestUser({ role: "admin" });
    const { user: agent } = await createTestUser({ role: "agent" });
    await expect(
      deactivateTeammate(admin, { userId: agent.id, handTicketsTo: agent.id }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const { key } = await createTestApiKey();
    expect((await readWholeLog(key, 100)).filter((entry) => entry.actor.id === adminUser.id)).toEqual([]);
  });

  it("refuses a forged cursor and unknown parameters", async () => {
    const { key } = await createTestApiKey();
    for (const query of ["cursor=abc", "limit=0", "sort=asc"]) {
      const response = await auditLogRoute(apiRequest(`/api/v1/audit-log?${query}`, { key }));
      expect(response.status, query).toBe(400);
    }
  });
});
