// «Мои сеансы» (the person's sessions) and the notice of a sign-in from a new network: the network is
// remembered in the login transaction and the notice goes out through the job queue after it commits.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatDateTime } from "../../shared/format.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { notifyUser } from "../notifications/notify.ts";
import { clientNetwork } from "../organizations/ip-networks.ts";
import type { SignInHook } from "./identity.service.ts";
import { deleteOtherSessions, listLiveSessions, rememberNetwork } from "./sessions.repository.ts";

export const NEW_NETWORK_NOTICE_JOB = "identity.new-network-notice";

export function createSessionsService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    list: (userId: string) => listLiveSessions(db, userId, clock.now()),

    /** Ends every other session of the person, with the audit record; returns how many ended. */
    async endOthers(actor: { userId: string; ip: string; sessionKey: string }): Promise<number> {
      return db.transaction(async (tx) => {
        const count = await deleteOtherSessions(tx, actor.userId, actor.sessionKey);
        await writeAudit(tx, {
          event: "auth.sessions_ended",
          outcome: "success",
          userId: actor.userId,
          ip: actor.ip,
          details: { count },
        });
        return count;
      });
    },

    /** Sign-in hook: a known person from a network never seen before gets a notice. */
    rememberNetwork: (async (tx: DbExecutor, userId: string, _person, ip: string) => {
      const network = clientNetwork(ip);
      const at = clock.now();
      const { isNew } = await rememberNetwork(tx, userId, network, at);
      if (isNew)
        await enqueueJob(tx, {
          kind: NEW_NETWORK_NOTICE_JOB,
          payload: { userId, network, at: at.toISOString() },
          runAt: at,
        });
    }) satisfies SignInHook,
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;

export function sessionsJobHandlers(deps: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}): Record<string, JobHandler> {
  return {
    [NEW_NETWORK_NOTICE_JOB]: async (payload) => {
      const userId = String(payload.userId ?? "");
      const network = String(payload.network ?? "");
      const at = new Date(String(payload.at ?? ""));
      if (!userId || Number.isNaN(at.getTime())) return;
      await deps.db.transaction((tx) =>
        notifyUser(
          tx,
          {
            userId,
            key: `new-network:${network}:${at.toISOString()}`,
            title: "Вход в личный кабинет из новой сети",
            body: `${formatDateTime(at)} (мск) выполнен вход в личный кабинет ФРМР из сети ${network}, из которой вы раньше не входили. Если это были не вы, завершите все другие сеансы в разделе «Настройки» и смените пароль на Госуслугах.`,
            link: "/lk/settings#sessions",
          },
          { publicUrl: deps.publicUrl, now: deps.clock.now() },
        ),
      );
    },
  };
}
