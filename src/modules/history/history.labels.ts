// Russian wording of the journal's entries (W15). Modules that add audit events add their labels
// here; an event without one is still listed, under a neutral label.
import type { AuditRow } from "./history.repository.ts";

const labels: Record<string, string> = {
  "auth.login": "Вход в кабинет",
  "auth.logout": "Выход из кабинета",
  "auth.context_chosen": "Выбрана роль для работы в кабинете",
  "access.denied": "Отказ в доступе",
  "document.uploaded": "Загружен документ",
  "document.rejected": "Документ не принят",
  "document.downloaded": "Скачан документ",
  "document.deleted": "Удалён документ",
  "consent.code_sent": "Отправлен код для подключения сервиса ФРМР",
  "consent.code_rejected": "Код подтверждения не принят",
  "consent.granted": "Подключён сервис ФРМР: дано согласие на обработку персональных данных",
  "consent.revoked": "Отозвано согласие на обработку персональных данных",
  "register.person_linked": "Учётная запись связана с записью в регистре ФРМР",
  "register.personal_data_changed": "Изменены личные данные в регистре",
  "settings.notifications_changed": "Изменены настройки уведомлений",
  "application.created": "Создано заявление",
  "application.updated": "Изменено заявление",
  "application.status_changed": "Изменился статус заявления",
  "application.document_downloaded": "Скачан документ заявления",
  "extract.issued": "Выдана выписка об аккредитации",
  "extract.downloaded": "Скачана выписка об аккредитации",
  "organization.data_submitted": "Отправлены сведения об организации",
  "staff.added": "Добавлен сотрудник организации",
  "staff.card_changed": "Изменена карточка сотрудника",
  "report.downloaded": "Скачан отчёт организации",
  "journal.exported": "Выгружен журнал организации",
};

const fieldNames: Record<string, string> = {
  passportSeries: "серия паспорта",
  passportNumber: "номер паспорта",
  passportIssueDate: "дата выдачи паспорта",
  passportIssuedBy: "кем выдан паспорт",
  passportDivisionCode: "код подразделения",
  inn: "ИНН",
  snils: "СНИЛС",
};

const rejectionReasons: Record<string, string> = {
  wrong: "неверный код",
  expired: "срок действия кода истёк",
  exhausted: "исчерпаны попытки",
  "no-code": "код не запрошен или уже использован",
};

export const outcomeLabels: Record<AuditRow["outcome"], string> = {
  success: "Выполнено",
  failure: "Ошибка",
  denied: "Отказано",
};

export function eventLabel(event: string): string {
  return labels[event] ?? "Действие в кабинете";
}

/** A short explanation from the entry's details: which fields, which channels, why refused. */
export function eventDetails(row: Pick<AuditRow, "event" | "details">): string | undefined {
  const details = row.details;
  switch (row.event) {
    case "register.personal_data_changed": {
      const fields = Array.isArray(details.fields) ? details.fields : [];
      return fields.map((field) => fieldNames[String(field)] ?? String(field)).join(", ") || undefined;
    }
    case "settings.notifications_changed":
      return `уведомления по электронной почте ${onOff(details.email)}, по SMS ${onOff(details.sms)}`;
    case "consent.code_rejected":
      return rejectionReasons[String(details.reason)];
    case "consent.granted":
    case "consent.revoked":
      return typeof details.version === "string" ? `редакция согласия ${details.version}` : undefined;
    default:
      return undefined;
  }
}

const onOff = (value: unknown) => (value === true ? "включены" : "выключены");
