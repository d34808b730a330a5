"use server";

import { z } from "zod";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireUser } from "@/lib/auth/current-user";
import { canManageSettings } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/users";
import { toApiKeyRow } from "@/components/settings/api-key-row";
import { encodeKeysetCursor, keysetCursorParam } from "@/lib/api/keyset-cursor";
import { auditLogPageSize, listAuditLog } from "@/lib/audit/list-audit-log";
import { createChannelForm } from "@/lib/channels/channel.validation";
import { presentChannel } from "@/lib/channels/channel-views";
import { updatePhoneChannel } from "@/lib/channels/phone/update-phone-channel";
import { updatePhoneChannelForm } from "@/lib/channels/phone/phone-channel-form";
import { createChannel } from "@/lib/channels/create-channel";
import { changeEmailAliases } from "@/lib/channels/email/change-email-aliases";
import { emailAliasesInput } from "@/lib/channels/email/email-channel.validation";
import { chatChannelInput } from "@/lib/channels/chat/chat-channel.validation";
import { channelIdInput, identitySecretInput } from "@/lib/channels/chat/chat-settings.validation";
import { revealIdentitySecret } from "@/lib/channels/chat/reveal-identity-secret";
import { rotateIdentitySecret } from "@/lib/channels/chat/rotate-identity-secret";
import { updateChatChannel } from "@/lib/channels/chat/update-chat-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { customerLookupsPageSize, listCustomerLookups } from "@/lib/customers/list-customer-lookups";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/settings/api-key.validation";
import { createApiKeyAsAdmin } from "@/lib/settings/create-api-key-as-admin";
import { revokeApiKeyAsAdmin } from "@/lib/settings/revoke-api-key-as-admin";
import { addTeammate } from "@/lib/users/add-teammate";
import { changeTeammateRole } from "@/lib/users/change-teammate-role";
import { deactivateTeammate } from "@/lib/users/deactivate-teammate";
import { listTeammates } from "@/lib/users/list-teammates";
import { reactivateTeammate } from "@/lib/users/reactivate-teammate";
import {
  addTeammateInput,
  changeTeammateRoleInput,
  deactivateTeammateInput,
  teammateIdInput,
} from "@/lib/users/teammate.validation";
import { createTeam } from "@/lib/teams/create-team";
import { listTeams } from "@/lib/teams/list-teams";
import { setTeamMembers } from "@/lib/teams/set-team-members";
import { createTeamInput, setTeamMembersInput } from "@/lib/teams/team.validation";
import { runAction } from "../run-action";

// Anyone signed in can call a server action directly, so each one checks the role
// itself before reading its input; the page hiding the form is not protection.
async function requireAdmin() {
  const actor = userActor(await requireUser());
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  return actor;
}

async function apiKeyRows() {
  return (await listApiKeys(db())).map(toApiKeyRow);
}

export async function createApiKeyAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const { key } = await createApiKeyAsAdmin(actor, createApiKeyInput.parse(raw));
    return { key, keys: await apiKeyRows() };
  });
}

export async function revokeApiKeyAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await revokeApiKeyAsAdmin(actor, revokeApiKeyInput.parse(raw).id);
    return { keys: await apiKeyRows() };
  });
}

export async function addTeammateAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const { teammate, temporaryPassword } = await addTeammate(actor, addTeammateInput.parse(raw));
    return { teammate, temporaryPassword, team: await listTeammates(db()) };
  });
}

export async function changeTeammateRoleAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await changeTeammateRole(actor, changeTeammateRoleInput.parse(raw));
    return { team: await listTeammates(db()) };
  });
}

export async function deactivateTeammateAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await deactivateTeammate(actor, deactivateTeammateInput.parse(raw));
    return { team: await listTeammates(db()) };
  });
}

export async function reactivateTeammateAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await reactivateTeammate(actor, teammateIdInput.parse(raw).userId);
    return { team: await listTeammates(db()) };
  });
}

export async function createChannelAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const channel = await createChannel(actor, createChannelForm.parse(raw));
    const channels = (await listChannels(db())).map((row) => presentChannel(row, { reveal: false }));
    return { channel, channels };
  });
}

export async function changeEmailAliasesAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await changeEmailAliases(actor, emailAliasesInput.parse(raw));
    const channels = (await listChannels(db())).map((row) => presentChannel(row, { reveal: false }));
    return { channels };
  });
}

export async function updatePhoneChannelAction(rawChannelId: unknown, raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const channelId = z.uuid("Unknown channel").parse(rawChannelId);
    const channel = await updatePhoneChannel(actor, channelId, updatePhoneChannelForm.parse(raw));
    const channels = (await listChannels(db())).map((row) => presentChannel(row, { reveal: false }));
    return { channel, channels };
  });
}

export async function updateChatChannelAction(rawChannelId: unknown, raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const { channelId } = channelIdInput.parse({ channelId: rawChannelId });
    // The form sends what chatSettingsForm made of its fields; checked again here as the channel's own input.
    return updateChatChannel(actor, channelId, chatChannelInput.parse(raw));
  });
}

export async function revealIdentitySecretAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const { channelId, confirmation } = identitySecretInput.parse(raw);
    return { identitySecret: await revealIdentitySecret(actor, channelId, confirmation) };
  });
}

export async function rotateIdentitySecretAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const { channelId, confirmation } = identitySecretInput.parse(raw);
    return { identitySecret: await rotateIdentitySecret(actor, channelId, confirmation) };
  });
}

export async function loadAuditLogAction(raw: unknown) {
  return runAction(async () => {
    await requireAdmin();
    const { cursor } = z.object({ cursor: keysetCursorParam }).parse(raw);
    const page = await listAuditLog(db(), { limit: auditLogPageSize, cursor });
    return { entries: page.entries, nextCursor: page.nextCursor && encodeKeysetCursor(page.nextCursor) };
  });
}

export async function loadCustomerLookupsAction(raw: unknown) {
  return runAction(async () => {
    await requireAdmin();
    const { cursor } = z.object({ cursor: keysetCursorParam }).parse(raw);
    const page = await listCustomerLookups(db(), { limit: customerLookupsPageSize, cursor });
    return { lookups: page.lookups, nextCursor: page.nextCursor && encodeKeysetCursor(page.nextCursor) };
  });
}

export async function createTeamAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await createTeam(actor, createTeamInput.parse(raw));
    return { teams: await listTeams(db()) };
  });
}

export async function setTeamMembersAction(raw: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    await setTeamMembers(actor, setTeamMembersInput.parse(raw));
    return { teams: await listTeams(db()) };
  });
}
