// The rights levels the head or a representative grants to employees (O9), and their labels.
export const rights = [
  "staff.view",
  "staff.edit",
  "applications.submit",
  "reports.view",
  "support.view",
] as const;

export type Right = (typeof rights)[number];

export const rightLabels: Record<Right, string> = {
  "staff.view": "Просмотр сведений о сотрудниках",
  "staff.edit": "Ввод и изменение сведений о сотрудниках",
  "applications.submit": "Подача заявлений от имени организации",
  "reports.view": "Просмотр и выгрузка отчётов",
  "support.view": "Просмотр всех обращений организации в техническую поддержку",
};

export function isRight(value: unknown): value is Right {
  return typeof value === "string" && (rights as readonly string[]).includes(value);
}
