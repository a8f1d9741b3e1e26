// View models of the reports (O16): the twelve months ahead with their counts, and the bar chart's
// geometry computed here so that the template only draws.
import { counted, nouns } from "../../../shared/plural.ts";

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

export interface Chart {
  width: number;
  height: number;
  title: string;
  description: string;
  bars: {
    x: number;
    y: number;
    width: number;
    height: number;
    value: number;
    label: string;
    labelX: number;
  }[];
  baseline: number;
}

/** A bar per month; the tallest bar fills the plot. */
export function buildChart(months: readonly MonthRow[]): Chart {
  const width = 720;
  const height = 260;
  const top = 24;
  const baseline = height - 36;
  const slot = width / months.length;
  const max = Math.max(1, ...months.map((row) => row.total));
  const total = months.reduce((sum, row) => sum + row.total, 0);
  const peak = months.reduce(
    (best, row) => (row.total > best.total ? row : best),
    months[0] ?? { total: 0, label: "" },
  );
  const description =
    total === 0
      ? "В ближайшие 12 месяцев сроки аккредитации и сертификатов сотрудников не истекают."
      : `Всего в ближайшие 12 месяцев истекает ${counted(total, nouns.document)}; больше всего — ${peak.label}: ${peak.total}. Помесячные значения — в таблице рядом.`;
  return {
    width,
    height,
    baseline,
    title: "Истекающие аккредитации и сертификаты по месяцам",
    description,
    bars: months.map((row, index) => {
      const barHeight = Math.round(((baseline - top) * row.total) / max);
      const [, number] = row.month.split("-").map(Number) as [number, number];
      return {
        x: Math.round(index * slot + slot * 0.15),
        y: baseline - barHeight,
        width: Math.round(slot * 0.7),
        height: barHeight,
        value: row.total,
        label: shortNames[number - 1] ?? "",
        labelX: Math.round(index * slot + slot / 2),
      };
    }),
  };
}
