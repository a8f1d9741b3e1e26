// The rules of filing, as pure functions over the register's data (domain/frmr.md §6.2–6.6):
// which specialties periodic accreditation can renew, the filing window, the portfolio and its
// 144 academic hours.
import type { FilingWindow } from "../../config/config.ts";
import { formatDate } from "../../shared/format.ts";
import { counted, nouns } from "../../shared/plural.ts";
import { addDays, addYears } from "../register/expiry.ts";
import type { CertificateRow, ExtEducationRow, ProcedureRow } from "../register/record.repository.ts";
import type { PortfolioSnapshot } from "./applications.schema.ts";

/** A допуск (certificate or passed accreditation) that periodic accreditation renews. */
export interface PeriodicBasis {
  specialtyCode: string;
  specialtyName: string;
  label: string;
  endDate: string;
}

/** Per specialty, the допуск that runs longest: certificates and passed accreditations of the register. */
export function periodicBases(register: {
  certificates: readonly CertificateRow[];
  procedures: readonly ProcedureRow[];
}): PeriodicBasis[] {
  const candidates: PeriodicBasis[] = [
    ...register.certificates.flatMap((certificate) =>
      certificate.specId && certificate.specName && certificate.endDate
        ? [
            {
              specialtyCode: certificate.specId,
              specialtyName: certificate.specName,
              label: `Сертификат специалиста № ${[certificate.certSerial, certificate.certNumber].filter(Boolean).join(" ")}`,
              endDate: certificate.endDate,
            },
          ]
        : [],
    ),
    ...register.procedures.flatMap((procedure) =>
      procedure.passed && procedure.endDate
        ? [
            {
              specialtyCode: procedure.specId,
              specialtyName: procedure.spec,
              label: `Аккредитация (${procedure.accreditationKind.toLowerCase()})${procedure.protocolNumber ? `, протокол № ${procedure.protocolNumber}` : ""}`,
              endDate: procedure.endDate,
            },
          ]
        : [],
    ),
  ];
  const latest = new Map<string, PeriodicBasis>();
  for (const candidate of candidates) {
    const known = latest.get(candidate.specialtyCode);
    if (!known || known.endDate < candidate.endDate) latest.set(candidate.specialtyCode, candidate);
  }
  return [...latest.values()].sort((a, b) => a.specialtyName.localeCompare(b.specialtyName, "ru"));
}

export function windowOpensOn(endDate: string, window: FilingWindow): string {
  if (window.unit === "days") return addDays(endDate, -window.amount);
  const [year, month, day] = endDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 - window.amount, day)).toISOString().slice(0, 10);
}

export type WindowCheck =
  | { ok: true }
  | { ok: false; reason: "too-early"; opensOn: string }
  | { ok: false; reason: "expired"; endDate: string };

/** Not earlier than the window before expiry, and not later than the expiry itself (§6.6, step 1). */
export function checkFilingWindow(endDate: string, today: string, window: FilingWindow): WindowCheck {
  if (today > endDate) return { ok: false, reason: "expired", endDate };
  const opensOn = windowOpensOn(endDate, window);
  return today < opensOn ? { ok: false, reason: "too-early", opensOn } : { ok: true };
}

export function windowMessage(check: Exclude<WindowCheck, { ok: true }>): string {
  if (check.reason === "expired") {
    return `Срок действия допуска истёк ${formatDate(check.endDate)}: периодическая аккредитация уже невозможна. Выберите первичную специализированную аккредитацию.`;
  }
  return `Подать заявление на периодическую аккредитацию можно не ранее ${formatDate(check.opensOn)}.`;
}

/** Academic hours of повышение квалификации needed over the five-year period (§6.4). */
export const REQUIRED_TRAINING_HOURS = 144;
const ADVANCED_TRAINING = "advanced-training";

/** The reporting period: the five years before the допуск runs out. */
export function reportingPeriodFrom(basisEndDate: string | null, today: string): string {
  return addYears(basisEndDate ?? today, -5);
}

/** ПК of the period from the register plus what the worker added, with the total hours. */
export function buildPortfolio(
  periodFrom: string,
  registerEducation: readonly ExtEducationRow[],
  workerEntries: readonly {
    id: string;
    title: string;
    institution: string;
    hours: number;
    completedOn: string;
  }[],
): PortfolioSnapshot {
  const fromRegister = registerEducation
    .filter(
      (row) =>
        row.profEducationKindId === ADVANCED_TRAINING && row.docDate !== null && row.docDate >= periodFrom,
    )
    .map((row) => ({
      source: "register" as const,
      title: row.theme ?? row.profEducationKindName,
      institution: row.institutionName,
      hours: row.hoursCount,
      date: row.docDate,
    }));
  const added = workerEntries.map((entry) => ({
    source: "worker" as const,
    entryId: entry.id,
    title: entry.title,
    institution: entry.institution,
    hours: entry.hours,
    date: entry.completedOn,
  }));
  const entries = [...fromRegister, ...added].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  return { periodFrom, totalHours: entries.reduce((sum, entry) => sum + entry.hours, 0), entries };
}

const hours = (count: number): string => counted(count, nouns.academicHour);

/** undefined when there are enough hours; otherwise what is missing, in words. */
export function hoursProblem(totalHours: number): string | undefined {
  if (totalHours >= REQUIRED_TRAINING_HOURS) return undefined;
  return `За отчётный период в портфолио ${hours(totalHours)} повышения квалификации, а нужно не менее ${REQUIRED_TRAINING_HOURS}. Нужно ещё ${hours(REQUIRED_TRAINING_HOURS - totalHours)}: добавьте обучение, которого нет в реестре, с подтверждающим документом.`;
}
