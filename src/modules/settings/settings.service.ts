// Settings (W14): contacts come from ESIA and are read-only here; the worker chooses the
// notification channels (W13: the cabinet always, e-mail by default, SMS only when turned on).
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { FieldError } from "../../ui/form.tsx";
import { auditSuccess } from "../audit/audit.repository.ts";
import { type ConsentRow, findActiveConsent } from "../consent/consent.repository.ts";
import { type Contacts, contactsOf } from "../register/esia-contacts.ts";
import { type Actor, authorizeWorker } from "../register/register.policy.ts";
import { findEsiaSnapshot } from "../register/register.repository.ts";
import {
  findNotificationChannels,
  type NotificationChannels,
  saveNotificationChannels,
} from "./settings.repository.ts";

export interface SettingsData {
  contacts: Contacts;
  channels: NotificationChannels;
  consent: ConsentRow | undefined;
}

export type ChannelsUpdate = { ok: true; changed: boolean } | { ok: false; errors: FieldError[] };

export interface SettingsService {
  settings(actor: Actor): Promise<SettingsData>;
  updateChannels(actor: Actor, wanted: NotificationChannels): Promise<ChannelsUpdate>;
}

export function createSettingsService({ db, clock }: { db: Database; clock: Clock }): SettingsService {
  async function current(actor: Actor) {
    const [esia, stored] = await Promise.all([
      findEsiaSnapshot(db, actor.id),
      findNotificationChannels(db, actor.id),
    ]);
    const contacts = contactsOf(esia);
    return { contacts, channels: stored ?? defaultChannels(contacts) };
  }

  return {
    async settings(actor) {
      await authorizeWorker(db, actor, "settings.read");
      const [{ contacts, channels }, consent] = await Promise.all([
        current(actor),
        findActiveConsent(db, actor.id),
      ]);
      return { contacts, channels, consent };
    },

    async updateChannels(actor, wanted) {
      await authorizeWorker(db, actor, "settings.edit");
      const { contacts, channels } = await current(actor);
      const errors: FieldError[] = [];
      if (wanted.email && !contacts.email) {
        errors.push({
          field: "email",
          message: "На Госуслугах не указана электронная почта: письма отправлять некуда",
        });
      }
      if (wanted.sms && !contacts.phone) {
        errors.push({
          field: "sms",
          message: "На Госуслугах не указан мобильный телефон: SMS отправлять некуда",
        });
      }
      if (errors.length > 0) return { ok: false, errors };
      if (wanted.email === channels.email && wanted.sms === channels.sms) return { ok: true, changed: false };
      await db.transaction(async (tx) => {
        await saveNotificationChannels(tx, actor.id, wanted, clock.now());
        await auditSuccess(tx, { userId: actor.id, ip: actor.ip }, "settings.notifications_changed", {
          email: wanted.email,
          sms: wanted.sms,
        });
      });
      return { ok: true, changed: true };
    },
  };
}

/** Until the worker chooses: e-mail when there is an address, no SMS (W13). */
export function defaultChannels(contacts: Contacts): NotificationChannels {
  return { email: contacts.email !== undefined, sms: false };
}
