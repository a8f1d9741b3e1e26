// How every audit event reads to a person (O10 the organization's journal, W15 the worker's «История»):
// one table keyed by the closed list of event names, each with a label and, where the details allow,
// its specifics. A module that adds an event name adds its line here; a test checks that none is missing.

import { formatDate } from "../../shared/format.ts";
import { counted } from "../../shared/plural.ts";
import { isRight, rightLabels } from "../access/access.rights.ts";
import { type ApplicationAction, actionLabels, statusLabels } from "../applications/applications.status.ts";
import { documentTypeLabel } from "../documents/document-types.ts";
import type { AuditEventName } from "./audit.events.ts";

type Details = Record<string, unknown>;

/** What the page can resolve beyond the details themselves (the numbers of applications). */
export interface WordingContext {
  applicationNumber?: (applicationId: string) => number | undefined;
}

interface Wording {
  label: string;
  specifics?: (details: Details, context: WordingContext) => string | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const isoDate = (value: unknown): string | undefined =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value) : undefined;
const join = (...parts: (string | undefined)[]): string | undefined =>
  parts.filter(Boolean).join("; ") || undefined;

function application(details: Details, context: WordingContext): string | undefined {
  const id = text(details.applicationId);
  const number = id ? context.applicationNumber?.(id) : undefined;
  return number !== undefined ? `заявка № ${number}` : undefined;
}

const status = (value: unknown) =>
  typeof value === "string" && value in statusLabels
    ? `«${statusLabels[value as keyof typeof statusLabels]}»`
    : undefined;

const documentType = (details: Details) => {
  const code = text(details.documentType);
  return code ? `тип «${documentTypeLabel(code)}»` : undefined;
};

const draftChanges: Record<string, string> = {
  report: "изменён отчёт о профессиональной деятельности",
  agreement: "изменён способ согласования отчёта",
  desired_date: "изменена желаемая дата",
  attach: "приложен документ",
  detach: "откреплён документ",
  portfolio_entry_added: "добавлена запись портфолио",
  portfolio_entry_removed: "удалена запись портфолио",
  requested_document_provided: "представлен запрошенный комиссией документ",
};

const roleNames: Record<string, string> = {
  head: "роль «Руководитель»",
  employee: "роль «Сотрудник»",
  commission: "аккредитационная комиссия",
};

const loginFailures: Record<string, string> = {
  "not-confirmed": "учётная запись Госуслуг не подтверждена",
  denied: "отказ в предоставлении доступа на Госуслугах",
};

const codeRejections: Record<string, string> = {
  wrong: "неверный код",
  expired: "срок действия кода истёк",
  exhausted: "исчерпаны попытки",
  "no-code": "код не запрошен или уже использован",
};

const personalFields: Record<string, string> = {
  passportSeries: "серия паспорта",
  passportNumber: "номер паспорта",
  passportIssueDate: "дата выдачи паспорта",
  passportIssuedBy: "кем выдан паспорт",
  passportDivisionCode: "код подразделения",
  inn: "ИНН",
  snils: "СНИЛС",
};

const reports: Record<string, string> = {
  "staff-by-position": "Штат по должностям",
  "staff-by-department": "Штат по подразделениям",
  deadlines: "Кому пора пройти аккредитацию",
  expiring: "Сроки аккредитации на 12 месяцев",
  applications: "Заявления по статусам",
};

const onOff = (value: unknown) => (value === true ? "включены" : "выключены");
const count = (value: unknown) => (typeof value === "number" ? value : undefined);

export const auditWording: Partial<Record<AuditEventName, Wording>> = {
  "auth.login": { label: "Вход в кабинет" },
  "auth.login_failed": {
    label: "Неудачная попытка входа",
    specifics: (d) => loginFailures[String(d.reason)],
  },
  "auth.logout": { label: "Выход из кабинета" },
  "auth.sessions_ended": {
    label: "Завершены другие сеансы",
    specifics: (d) =>
      typeof d.count === "number" ? counted(d.count, ["сеанс", "сеанса", "сеансов"]) : undefined,
  },
  "auth.context_chosen": {
    label: "Выбрана роль для работы в кабинете",
    specifics: (d) => roleNames[String(d.role)],
  },
  "access.denied": {
    label: "Отказ в доступе",
    specifics: (d) =>
      d.reason === "organization-not-registered" ? "организации нет в реестре ФРМО" : undefined,
  },
  "document.uploaded": { label: "Загружен документ", specifics: documentType },
  "document.rejected": { label: "Документ не принят", specifics: documentType },
  "document.downloaded": { label: "Скачан документ" },
  "document.viewed": { label: "Просмотрен документ" },
  "document.deleted": { label: "Удалён документ", specifics: documentType },
  "consent.code_sent": { label: "Отправлен код для подключения сервиса ФРМР" },
  "consent.code_rejected": {
    label: "Код подтверждения не принят",
    specifics: (d) => codeRejections[String(d.reason)],
  },
  "consent.granted": {
    label: "Подключён сервис ФРМР: дано согласие на обработку персональных данных",
    specifics: (d) => (text(d.version) ? `редакция согласия ${d.version}` : undefined),
  },
  "consent.revoked": {
    label: "Отозвано согласие на обработку персональных данных",
    specifics: (d) => (text(d.version) ? `редакция согласия ${d.version}` : undefined),
  },
  "register.person_linked": { label: "Учётная запись связана с записью в регистре ФРМР" },
  "register.personal_data_changed": {
    label: "Изменены личные данные в регистре",
    specifics: (d) =>
      (Array.isArray(d.fields) ? d.fields : [])
        .map((field) => personalFields[String(field)] ?? "другое")
        .join(", ") || undefined,
  },
  "settings.notifications_changed": {
    label: "Изменены настройки уведомлений",
    specifics: (d) => `уведомления по электронной почте ${onOff(d.email)}, по SMS ${onOff(d.sms)}`,
  },
  "organization.synced": {
    label: "Сверка с ЕГРЮЛ/ЕГРИП: сведения обновлены",
    specifics: (d) =>
      Array.isArray(d.mismatches) && d.mismatches.length > 0
        ? "найдены расхождения, работа ограничена"
        : undefined,
  },
  "organization.data_submitted": {
    label: "Сведения об организации отправлены на проверку",
    specifics: (d) => (count(d.files) ? `приложено файлов: ${count(d.files)}` : undefined),
  },
  "organization.activated": { label: "Кабинет активирован оператором" },
  "organization.corrections_requested": { label: "Оператор вернул сведения на исправление" },
  "organization.correction_requested": { label: "Запрос на исправление сведений" },
  "organization.correction_answered": { label: "Ответ на запрос об исправлении" },
  "organization.file_downloaded": { label: "Оператор открыл приложенный файл" },
  "organization.network_added": { label: "Добавлена разрешённая сеть", specifics: (d) => text(d.cidr) },
  "organization.network_removed": { label: "Удалена разрешённая сеть", specifics: (d) => text(d.cidr) },
  "organization.new_client": {
    label: "Вход из новой сети или с нового устройства",
    specifics: (d) =>
      join(
        d.newNetwork === true ? "новая сеть" : undefined,
        d.newDevice === true ? "новое устройство" : undefined,
      ),
  },
  "organization.entry_blocking_changed": {
    label: "Изменена защита от подозрительных входов",
    specifics: (d) => (d.on === true ? "включена" : "выключена"),
  },
  "organization.entry_held": { label: "Подозрительный вход задержан до подтверждения" },
  "organization.entry_code_failed": { label: "Неверный код подтверждения входа" },
  "organization.entry_released": {
    label: "Задержанный вход разрешён",
    specifics: (d) => (d.how === "code" ? "кодом из письма" : "руководителем"),
  },
  "organization.entry_rejected": { label: "Задержанный вход отклонён руководителем" },
  "security.address_blocked": { label: "Адрес временно заблокирован после неудачных входов" },
  "representative.submitted": { label: "Документы представителя отправлены на проверку" },
  "representative.activated": { label: "Полномочия представителя подтверждены" },
  "representative.refused": { label: "В подтверждении полномочий представителя отказано" },
  "representative.revoked": { label: "Полномочия представителя прекращены" },
  "access.granted": {
    label: "Сотруднику выданы права",
    specifics: (d) =>
      join(
        (Array.isArray(d.rights) ? d.rights.filter(isRight).map((right) => rightLabels[right]) : []).join(
          ", ",
        ) || undefined,
        isoDate(d.startsOn) && isoDate(d.endsOn)
          ? `с ${isoDate(d.startsOn)} по ${isoDate(d.endsOn)}`
          : undefined,
      ),
  },
  "access.revoked": { label: "Права сотрудника отозваны" },
  "staff.added": { label: "Работник добавлен" },
  "staff.looked_up": {
    label: "Проверен СНИЛС работника",
    specifics: (d) =>
      d.reason === "rate_limited"
        ? "превышен часовой лимит проверок"
        : d.matched
          ? "дата рождения совпала"
          : undefined,
  },
  "staff.card_added": { label: "Добавлено место работы" },
  "staff.card_changed": { label: "Изменена карточка места работы" },
  "staff.dismissed": { label: "Внесено увольнение" },
  "staff.education_added": { label: "Внесено образование" },
  "staff.certificate_added": { label: "Внесён сертификат специалиста" },
  "staff.category_added": { label: "Внесена квалификационная категория" },
  "staff.import_started": {
    label: "Начата загрузка сотрудников из файла",
    specifics: (d) => (count(d.rows) !== undefined ? `строк в файле: ${count(d.rows)}` : undefined),
  },
  "staff.imported": {
    label: "Сотрудники загружены из файла",
    specifics: (d) => (count(d.rows) !== undefined ? `строк: ${count(d.rows)}` : undefined),
  },
  "staff.import_cancelled": { label: "Загрузка из файла отменена" },
  "report.downloaded": {
    label: "Выгружен отчёт",
    specifics: (d) => (reports[String(d.report)] ? `«${reports[String(d.report)]}»` : undefined),
  },
  "journal.exported": {
    label: "Выгружен журнал операций",
    specifics: (d) => (count(d.rows) !== undefined ? `записей: ${count(d.rows)}` : undefined),
  },
  "application.created": { label: "Создано заявление", specifics: application },
  "application.updated": {
    label: "Изменено заявление",
    specifics: (d, c) => join(application(d, c), draftChanges[String(d.change)]),
  },
  "application.status_changed": {
    label: "Изменился статус заявления",
    specifics: (d, c) =>
      join(
        application(d, c),
        d.to ? `${status(d.from) ?? "—"} → ${status(d.to) ?? "—"}` : undefined,
        !d.to && typeof d.action === "string" && d.action in actionLabels
          ? `не выполнено: ${actionLabels[d.action as ApplicationAction].toLowerCase()}`
          : undefined,
      ),
  },
  "application.assigned": { label: "Назначен ответственный за заявление", specifics: application },
  "application.document_downloaded": { label: "Скачан документ заявления", specifics: application },
  "operator.added": { label: "Добавлен сотрудник аккредитационной комиссии" },
  "extract.issued": {
    label: "Выдана выписка об аккредитации",
    specifics: (d, c) => join(application(d, c), text(d.extract) ? `выписка № ${d.extract}` : undefined),
  },
  "extract.downloaded": {
    label: "Скачана выписка об аккредитации",
    specifics: (d, c) => join(application(d, c), text(d.extract) ? `выписка № ${d.extract}` : undefined),
  },
  "licence.added": { label: "Внесена лицензия" },
  "licence.status_changed": {
    label: "Изменён статус лицензии",
    specifics: (d) => {
      const [from, to] = [licenceStatus(d.from), licenceStatus(d.to)];
      return from && to ? `${from} → ${to}` : undefined;
    },
  },
  "licence.verified": {
    label: "Оператор проверил сведения о лицензии",
    specifics: (d) =>
      d.decision === "verified" ? "сведения подтверждены" : "сведения возвращены на исправление",
  },
  "org_request.submitted": { label: "Подано заявление организации" },
  "org_request.decided": {
    label: "Оператор рассмотрел заявление организации",
    specifics: (d) => (d.decision === "approved" ? "исполнено" : "отказано"),
  },
  "api.client_added": { label: "Зарегистрирована система, работающая через API" },
  "api.client_suspended": { label: "Доступ системы к API приостановлен" },
  "api.client_resumed": { label: "Доступ системы к API возобновлён" },
  "api.client_secret_rotated": { label: "Системе, работающей через API, выдан новый секрет" },
  "api.operator_added": { label: "Сотруднику дано право регистрировать системы для работы через API" },
  "api.token_issued": { label: "Системе выдан токен доступа к API" },
  "api.token_refused": { label: "Системе отказано в токене доступа к API" },
  "api.called": { label: "Обращение к сведениям через интеграционный API" },
  "api.denied": { label: "Отказ в доступе через интеграционный API" },
  "support.request_created": {
    label: "Отправлено обращение в поддержку",
    specifics: (d) => (text(d.number) ? `обращение ${d.number}` : undefined),
  },
  "support.request_rejected": { label: "Обращение в поддержку не принято" },
  "support.taken": { label: "Обращение взято в работу" },
  "support.answered": { label: "Служба поддержки ответила на обращение" },
  "support.replied": { label: "Дополнено обращение в поддержку" },
  "support.note_added": { label: "Служебная заметка к обращению" },
  "support.priority_changed": { label: "Изменён приоритет обращения" },
  "support.escalated": { label: "Обращение передано старшему специалисту" },
  "support.resolved": { label: "Вопрос по обращению решён" },
  "support.reopened": { label: "Обращение открыто повторно" },
  "support.closed": { label: "Обращение закрыто" },
  "support.chat_message": { label: "Сообщение в чате поддержки" },
  "support.attachment_downloaded": { label: "Скачан файл обращения" },
  "support.operator_added": { label: "Добавлен оператор службы поддержки" },
  "signature.certificate_registered": { label: "Зарегистрирован сертификат электронной подписи" },
  "signature.certificate_refused": { label: "Сертификат электронной подписи не принят" },
  "status.incident_posted": {
    label: "Опубликовано сообщение о работе сервиса",
    specifics: (d) => (text(d.title) ? `«${d.title}»` : undefined),
  },
  "status.incident_ended": {
    label: "Снято с публикации сообщение о работе сервиса",
    specifics: (d) => (text(d.title) ? `«${d.title}»` : undefined),
  },
  "signature.decision_signed": { label: "Решение по отчёту подписано электронной подписью" },
  "signature.document_signed": { label: "Документ организации подписан электронной подписью" },
  "signature.attorney_signed": { label: "Доверенность представителя подписана электронной подписью" },
  "representative.attorney_downloaded": { label: "Скачана доверенность представителя" },
  "signature.signature_refused": { label: "Электронная подпись не принята" },
  "signature.password_failed": { label: "Неверный пароль к файлу ключа электронной подписи" },
  "org_document.uploaded": { label: "Загружен документ организации" },
  "org_document.replaced": { label: "Заменён документ организации" },
  "org_document.downloaded": { label: "Скачан документ организации" },
};

function licenceStatus(value: unknown): string | undefined {
  const names: Record<string, string> = {
    active: "действует",
    suspended: "приостановлена",
    terminated: "прекращена",
  };
  return names[String(value)];
}

/** The label of an event; a name added without its line still reads as Russian, never as a code. */
export function auditLabel(event: string): string {
  return auditWording[event as AuditEventName]?.label ?? "Действие в кабинете";
}

/** The specifics of one record, from details that are safe to show; never raw ids or paths. */
export function auditSpecifics(
  event: string,
  details: Details,
  context: WordingContext = {},
): string | undefined {
  const specifics = auditWording[event as AuditEventName]?.specifics?.(details, context);
  // A change made by an organization's system through the integration API says so, whatever it was.
  const channel = typeof details.apiClientId === "string" ? "через интеграционный API" : undefined;
  return join(specifics, channel);
}
