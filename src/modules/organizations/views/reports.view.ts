// View models of the reports (O16): the people whose accreditation runs out, the twelve months
// ahead with their counts, applications by status, and the bar chart's geometry computed here so
// that the template only draws.

import { formatDate } from "../../../shared/format.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { type ApplicationStatus, statusLabels } from "../../applications/applications.status.ts";
import { daysBetween, EXPIRY_WARNING_DAYS } from "../../register/expiry.ts";
import type { DeadlineRow } from "../reports.repository.ts";

const monthNames = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const shortNames = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

export interface MonthRow {
  month: string;
  label: string;
  accreditations: number;
  certificates: number;
  total: number;
}

/** `YYYY-MM` of the month `offset` months after the month of `today`. */
export function monthAfter(today: string, offset: number): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return `${monthNames[number - 1]} ${year}`;
}

export function buildMonths(
  today: string,
  totals: Map<string, { accreditations: number; certificates: number }>,
): MonthRow[] {
  return Array.from({ length: 12 }, (_, offset) => {
    const month = monthAfter(today, offset);
    const counts = totals.get(month) ?? { accreditations: 0, certificates: 0 };
    return { month, label: monthLabel(month), ...counts, total: counts.accreditations + counts.certificates };
  });
}

export interface Deadline {
  personId: string;
  fullName: string;
  spec: string;
  document: string;
  endDate: string;
  /** Days from today to the last valid day; negative once it has passed. */
  daysLeft: number;
  /** «через 5 дней», «сегодня последний день», «истёк 3 дня назад». */
  when: string;
  urgency: "expired" | "soon" | "later";
}

const documentNames: Record<DeadlineRow["kind"], string> = {
  accreditation: "Аккредитация",
  certificate: "Сертификат специалиста",
};

/** The people to act on, most urgent first (the repository already orders them by end date). */
export function buildDeadlines(rows: readonly DeadlineRow[], today: string): Deadline[] {
  return rows.map((row) => {
    const daysLeft = daysBetween(today, row.endDate);
    const when =
      daysLeft < 0
        ? `срок истёк ${counted(-daysLeft, nouns.day)} назад`
        : daysLeft === 0
          ? "сегодня последний день"
          : `истекает через ${counted(daysLeft, nouns.day)}`;
    return {
      personId: row.personId,
      fullName: [row.lastName, row.firstName, row.patronymic].filter(Boolean).join(" "),
      spec: row.spec || "специальность не указана",
      document: documentNames[row.kind],
      endDate: formatDate(row.endDate),
      daysLeft,
      when,
      urgency: daysLeft < 0 ? "expired" : daysLeft <= EXPIRY_WARNING_DAYS ? "soon" : "later",
    };
  });
}

/** Every status an application sent to the organization can have, zeros included, in workflow order. */
export function buildStatusCounts(
  rows: readonly { status: string; count: number }[],
): { status: ApplicationStatus; label: string; count: number }[] {
  const counts = new Map(rows.map((row) => [row.status, row.count]));
  return (Object.keys(statusLabels) as ApplicationStatus[])
    .filter((status) => status !== "draft")
    .map((status) => ({ status, label: statusLabels[status], count: counts.get(status) ?? 0 }));
}

export interface Chart {
  width: number;
  height: number;
  title: string;
  description: string;
  /** Left edge of the plot, right of the value axis. */
  left: number;
  top: number;
  baseline: number;
  /** Gridlines of the value axis with their values. */
  ticks: { y: number; value: number }[];
  bars: {
    x: number;
    y: number;
    width: number;
    height: number;
    value: number;
    label: string;
    /** The year under the first month and under every January. */
    year: string | undefined;
    labelX: number;
  }[];
}

/** Up to four whole-number steps from zero to at least `max`. */
function tickValues(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step);
}

/** A bar per month over a value axis with gridlines; the top gridline fills the plot. */
export function buildChart(months: readonly MonthRow[]): Chart {
  const width = 720;
  const height = 300;
  // Room above the tallest bar for its value and, above that, the axis title.
  const top = 48;
  const left = 44;
  const baseline = height - 58;
  const slot = (width - left) / Math.max(1, months.length);
  const values = tickValues(Math.max(1, ...months.map((row) => row.total)));
  const max = values[values.length - 1] ?? 1;
  const scale = (value: number) => Math.round(((baseline - top) * value) / max);
  const total = months.reduce((sum, row) => sum + row.total, 0);
  const peak = months.reduce(
    (best, row) => (row.total > best.total ? row : best),
    months[0] ?? { total: 0, label: "" },
  );
  const period = months.length > 0 ? `${months[0]?.label} — ${months[months.length - 1]?.label}` : "";
  const description =
    total === 0
      ? `За 12 месяцев (${period}) сроки аккредитации и сертификатов сотрудников не истекают.`
      : `Истекающих документов за 12 месяцев (${period}): ${total}; больше всего — ${peak.label}: ${peak.total}. Помесячные значения — в таблице рядом.`;
  return {
    width,
    height,
    left,
    top,
    baseline,
    title: `Истекающие аккредитации и сертификаты по месяцам, ${period}`,
    description,
    ticks: values.map((value) => ({ value, y: baseline - scale(value) })),
    bars: months.map((row, index) => {
      const barHeight = scale(row.total);
      const [year, number] = row.month.split("-").map(Number) as [number, number];
      return {
        x: Math.round(left + index * slot + slot * 0.15),
        y: baseline - barHeight,
        width: Math.round(slot * 0.7),
        height: barHeight,
        value: row.total,
        label: shortNames[number - 1] ?? "",
        year: index === 0 || number === 1 ? String(year) : undefined,
        labelX: Math.round(left + index * slot + slot / 2),
      };
    }),
  };
}
