// The journal's words (O10): what each audit event means to a reader in the organization.
import type { AuditEventName } from "../audit/audit.events.ts";

const labels: Partial<Record<AuditEventName, string>> = {
  "auth.context_chosen": "Вход в кабинет организации",
  "access.denied": "Отказ в доступе",
  "organization.synced": "Сверка с ЕГРЮЛ/ЕГРИП: сведения обновлены",
  "organization.data_submitted": "Сведения об организации отправлены на проверку",
  "organization.activated": "Кабинет активирован оператором",
  "organization.corrections_requested": "Оператор вернул сведения на исправление",
  "organization.correction_requested": "Запрос на исправление сведений",
  "organization.correction_answered": "Ответ на запрос об исправлении",
  "organization.file_downloaded": "Оператор открыл приложенный файл",
  "organization.network_added": "Добавлена разрешённая сеть",
  "organization.network_removed": "Удалена разрешённая сеть",
  "organization.new_client": "Вход из новой сети или с нового устройства",
  "representative.submitted": "Документы представителя отправлены на проверку",
  "representative.activated": "Полномочия представителя подтверждены",
  "representative.refused": "В подтверждении полномочий представителя отказано",
  "representative.revoked": "Полномочия представителя прекращены",
  "access.granted": "Сотруднику выданы права",
  "access.revoked": "Права сотрудника отозваны",
  "licence.added": "Внесена лицензия",
  "licence.status_changed": "Изменён статус лицензии",
  "licence.verified": "Оператор проверил сведения о лицензии",
  "staff.added": "Работник добавлен",
  "staff.card_added": "Добавлено место работы",
  "staff.card_changed": "Изменена карточка места работы",
  "staff.dismissed": "Внесено увольнение",
  "staff.education_added": "Внесено образование",
  "staff.certificate_added": "Внесён сертификат специалиста",
  "staff.category_added": "Внесена квалификационная категория",
  "staff.import_started": "Начата загрузка сотрудников из файла",
  "staff.imported": "Сотрудники загружены из файла",
  "staff.import_cancelled": "Загрузка из файла отменена",
  "report.downloaded": "Выгружен отчёт",
  "journal.exported": "Выгружен журнал операций",
};

export function eventLabel(event: string): string {
  return labels[event as AuditEventName] ?? event;
}

/** The events a filter offers, in the order above. */
export const journalEvents = Object.keys(labels) as AuditEventName[];

export const outcomeLabels: Record<string, string> = {
  success: "выполнено",
  failure: "с ошибками",
  denied: "отказано",
};

/** A few words about the record beyond its label, from details that are safe to show. */
export function describeDetails(event: string, details: Record<string, unknown>): string {
  if (event === "access.denied") return typeof details.route === "string" ? `раздел ${details.route}` : "";
  if (event === "access.granted")
    return `с ${String(details.startsOn ?? "")} по ${String(details.endsOn ?? "")}`;
  if (event === "staff.imported") return `строк: ${String(details.rows ?? 0)}`;
  if (event === "organization.network_added" || event === "organization.network_removed")
    return String(details.cidr ?? "");
  if (event === "auth.context_chosen")
    return details.role === "head" ? "роль «Руководитель»" : "роль «Сотрудник»";
  // Writes of the organization's own system through the integration API have no person behind them.
  if (typeof details.apiClientId === "string") return "через интеграционный API";
  return "";
}
