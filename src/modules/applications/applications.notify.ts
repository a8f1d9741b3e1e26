// The job that tells the worker about every status change of their application (W13), run by the
// job queue after the change committed (STATUS_NOTICE_JOB, enqueued by moveApplication).
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { notifyUser } from "../notifications/notify.ts";
import { findApplication, findEvent } from "./applications.repository.ts";
import { type ApplicationAction, actionLabels, statusLabels } from "./applications.status.ts";

export function createStatusNoticeHandler(deps: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}): JobHandler {
  return async (payload) => {
    const eventId = Number(payload.eventId);
    if (!Number.isInteger(eventId)) throw new Error("status notice job without an event id");
    await deps.db.transaction(async (tx) => {
      const event = await findEvent(tx, eventId);
      const application = event ? await findApplication(tx, event.applicationId) : undefined;
      if (!event || !application) return;
      const lines = [
        `${actionLabels[event.action as ApplicationAction]}.`,
        `Заявка № ${application.number}, ${application.specialtyName}.`,
        `Статус: ${statusLabels[event.toStatus]}.`,
        ...(event.comment ? [`Комментарий: ${event.comment}`] : []),
      ];
      await notifyUser(
        tx,
        {
          userId: application.userId,
          key: `application-event:${event.id}`,
          title: `Заявка № ${application.number}: статус «${statusLabels[event.toStatus].toLowerCase()}»`,
          body: lines.join("\n"),
          link: `/lk/applications/${application.id}`,
        },
        { publicUrl: deps.publicUrl, now: deps.clock.now() },
      );
    });
  };
}
