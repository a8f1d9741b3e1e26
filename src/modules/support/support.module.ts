// The support desk's services, built once in the composition root.
import type { Config } from "../../config/config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { FileStorage } from "../documents/storage.ts";
import { createChat } from "./support.chat.ts";
import { createDeskService } from "./support.desk.ts";
import { formatHours } from "./support.hours.ts";
import { supportJobHandlers } from "./support.jobs.ts";
import { createSupportReport } from "./support.report.ts";
import { createSupportService } from "./support.service.ts";

export function createSupportModule(deps: {
  db: Database;
  clock: Clock;
  storage: FileStorage;
  config: Config;
}) {
  const hours = deps.config.supportDesk.workingHours;
  const base = { db: deps.db, clock: deps.clock, hours };
  return {
    service: createSupportService({ ...base, storage: deps.storage }),
    desk: createDeskService(base),
    chat: createChat(base),
    report: createSupportReport(base),
    hours,
    hoursText: formatHours(hours),
    jobHandlers: supportJobHandlers({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl }),
  };
}

export type SupportModule = ReturnType<typeof createSupportModule>;
