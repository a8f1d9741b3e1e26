// «Мои сеансы»: a person's live sessions, ending the others, and the networks they signed in from.
import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "../../http/session.ts";
import { sessions, userNetworks } from "./identity.schema.ts";

export interface SessionRow {
  key: string;
  userAgent: string | null;
  network: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The person's sessions that have not timed out, the most recently used first. */
export async function listLiveSessions(db: DbExecutor, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select({
      key: sessions.idHash,
      userAgent: sessions.userAgent,
      network: sessions.network,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
        gt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
}

/** Deletes every session of the person but `keep`; returns how many ended. */
export async function deleteOtherSessions(tx: DbExecutor, userId: string, keep: string): Promise<number> {
  const gone = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.idHash, keep)))
    .returning({ key: sessions.idHash });
  return gone.length;
}

/** Remembers the network; `isNew` when the person had signed in before, but never from it. */
export async function rememberNetwork(
  tx: DbExecutor,
  userId: string,
  network: string,
  at: Date,
): Promise<{ isNew: boolean }> {
  const known = await tx
    .select({ network: userNetworks.network })
    .from(userNetworks)
    .where(eq(userNetworks.userId, userId));
  if (known.some((row) => row.network === network)) return { isNew: false };
  await tx.insert(userNetworks).values({ userId, network, firstSeenAt: at }).onConflictDoNothing();
  return { isNew: known.length > 0 };
}
