// Tells a person about an event on every channel they chose (W13): always in the cabinet, by
// e-mail by default, by SMS only when turned on in the settings. Called from jobs, after the
// change committed; the notice's key makes a repeated run harmless.
import type { DbExecutor } from "../../db/client.ts";
import { contactsOf } from "../register/esia-contacts.ts";
import { findEsiaSnapshot } from "../register/register.repository.ts";
import { findNotificationChannels } from "../settings/settings.repository.ts";
import { defaultChannels } from "../settings/settings.service.ts";
import { insertNotice } from "./notices.repository.ts";
import { sendMessage } from "./notifications.repository.ts";

export interface Notification {
  userId: string;
  /** Names the event, e.g. `application-event:42`: one notice per event, however often delivered. */
  key: string;
  title: string;
  body: string;
  /** A cabinet path, e.g. `/lk/applications/<id>`. */
  link: string;
}

/** Writes the notice and queues the messages in one transaction; false when it was done before. */
export async function notifyUser(
  tx: DbExecutor,
  notification: Notification,
  options: { publicUrl: string; now: Date },
): Promise<boolean> {
  const { userId, key, title, body, link } = notification;
  if (!(await insertNotice(tx, { userId, key, title, body, link, createdAt: options.now }))) return false;
  const [esia, stored] = await Promise.all([
    findEsiaSnapshot(tx, userId),
    findNotificationChannels(tx, userId),
  ]);
  const contacts = contactsOf(esia);
  const channels = stored ?? defaultChannels(contacts);
  if (channels.email && contacts.email) {
    const text = `${body}\n\nПодробности в личном кабинете ФРМР: ${options.publicUrl}${link}`;
    await sendMessage(
      tx,
      { userId, channel: "email", to: contacts.email.value, subject: title, body: text },
      options.now,
    );
  }
  if (channels.sms && contacts.phone) {
    await sendMessage(
      tx,
      { userId, channel: "sms", to: contacts.phone, body: `ФРМР: ${title}` },
      options.now,
    );
  }
  return true;
}
