import { eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { notificationSettings } from "./settings.schema.ts";

export interface NotificationChannels {
  email: boolean;
  sms: boolean;
}

export async function findNotificationChannels(
  db: DbExecutor,
  userId: string,
): Promise<NotificationChannels | undefined> {
  const [row] = await db
    .select({ email: notificationSettings.email, sms: notificationSettings.sms })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .limit(1);
  return row;
}

export async function saveNotificationChannels(
  tx: DbExecutor,
  userId: string,
  channels: NotificationChannels,
  now: Date,
): Promise<void> {
  await tx
    .insert(notificationSettings)
    .values({ userId, ...channels, updatedAt: now })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...channels, updatedAt: now } });
}
