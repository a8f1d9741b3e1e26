// The list of dependencies on the status page, built from the composition root's parts.
import type { DatabaseHandle } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { plural } from "../../shared/plural.ts";
import type { FileStorage } from "../documents/storage.ts";
import type { EgrulRegistry } from "../egrul/egrul.port.ts";
import type { Transports } from "../notifications/transports.ts";
import { auditCheckRow } from "./audit.check.ts";
import {
  createStatusChecker,
  type DependencyCheck,
  httpReachable,
  type StatusChecker,
} from "./status.checks.ts";
import { queueHealth } from "./status.repository.ts";
import { storageCheckRow } from "./storage.check.ts";

export interface StatusParts {
  database: DatabaseHandle;
  clock: Clock;
  esiaUrl: string;
  smsGatewayUrl: string | undefined;
  transports: Transports;
  egrul: EgrulRegistry;
  fileStorage: FileStorage;
}

/** A due job waiting longer than this means the workers are not keeping up (or none runs). */
const QUEUE_LAG_WARN_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
// An ОГРН no one has: the answer (found or not) shows the register answers at all.
const PROBE_OGRN = "1000000000009";

export function createServiceStatus(parts: StatusParts): StatusChecker {
  const { database, clock, transports } = parts;
  const checks: DependencyCheck[] = [
    {
      name: "База данных",
      ttlSeconds: 0,
      run: async () => {
        await database.ping();
        return { state: "ok" };
      },
    },
    { name: "Госуслуги (ЕСИА)", ttlSeconds: 60, run: () => httpReachable(`${parts.esiaUrl}/aas/oauth2/ac`) },
    {
      name: "Электронная почта (SMTP)",
      ttlSeconds: 60,
      run: async () => {
        if (!transports.smtp) return { state: "off", detail: "Не настроена: письма не отправляются" };
        await transports.smtp.verify();
        return { state: "ok" };
      },
    },
    {
      name: "SMS-шлюз",
      ttlSeconds: 60,
      run: async () =>
        parts.smsGatewayUrl
          ? httpReachable(parts.smsGatewayUrl)
          : { state: "off", detail: "Не настроен: SMS не отправляются" },
    },
    {
      name: "ЕГРЮЛ/ЕГРИП",
      ttlSeconds: 60,
      run: async () => {
        const answer = await parts.egrul.findByOgrn(PROBE_OGRN);
        return "unavailable" in answer ? { state: "down" } : { state: "ok" };
      },
    },
    {
      name: "Хранилище файлов",
      ttlSeconds: 60,
      run: async () => {
        await parts.fileStorage.check();
        return { state: "ok" };
      },
    },
    {
      name: "Очередь фоновых заданий",
      ttlSeconds: 15,
      run: async () => {
        const now = clock.now();
        const health = await queueHealth(database.db, now, new Date(now.getTime() - DAY_MS));
        const waitMs = health.oldestDueAt ? now.getTime() - health.oldestDueAt.getTime() : 0;
        const failed = health.deadSince + health.failedMessagesSince;
        const details = [
          health.oldestDueAt ? `старейшее задание ждёт ${minutes(waitMs)}` : "ожидающих заданий нет",
          `сбоев за сутки: ${failed}`,
        ];
        const state = waitMs > QUEUE_LAG_WARN_MS || failed > 0 ? "degraded" : "ok";
        return { state, detail: capitalize(details.join("; ")) };
      },
    },
    storageCheckRow(database.db, clock),
    auditCheckRow(database.db, clock),
  ];
  return createStatusChecker(checks, clock);
}

function minutes(ms: number): string {
  const count = Math.floor(ms / 60_000);
  if (count === 0) return "меньше минуты";
  return `${count} ${plural(count, ["минуту", "минуты", "минут"])}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
