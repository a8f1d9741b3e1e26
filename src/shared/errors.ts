// The one catalogue of error codes: HTTP status, the Russian message a user reads,
// and whether details may be shown. docs/errors.md is kept in sync by a test.
export const errorCatalogue = {
  NOT_FOUND: {
    status: 404,
    title: "Страница не найдена",
    message: "Проверьте адрес страницы или вернитесь на главную.",
  },
  FORBIDDEN: {
    status: 403,
    title: "Недостаточно прав",
    message:
      "У вас нет прав на это действие. Если они нужны для работы, обратитесь к руководителю организации.",
  },
  WRONG_CONTEXT: {
    status: 403,
    title: "Раздел недоступен при текущем входе",
    message:
      "Вы вошли в кабинет в другой роли: от имени организации или как медицинский работник. Чтобы открыть этот раздел, выйдите и войдите снова, выбрав нужную роль.",
  },
  ORGANIZATION_NOT_REGISTERED: {
    status: 403,
    title: "Организация не найдена в реестре ФРМО",
    message:
      "Войти в кабинет организации можно, только если она внесена в Федеральный реестр медицинских организаций (ФРМО).",
  },
  ORGANIZATION_LIQUIDATED: {
    status: 403,
    title: "Организация ликвидирована",
    message: "По данным Госуслуг организация ликвидирована, поэтому вход в её кабинет невозможен.",
  },
  CSRF_INVALID: {
    status: 403,
    title: "Форма устарела",
    message:
      "Срок действия формы истёк или она отправлена не с нашего сайта. Обновите страницу и повторите действие.",
  },
  UNAUTHENTICATED: {
    status: 401,
    title: "Требуется вход",
    message: "Войдите в личный кабинет через Госуслуги, чтобы открыть эту страницу.",
  },
  SESSION_EXPIRED: {
    status: 401,
    title: "Сессия истекла",
    message: "Вы долго не работали в кабинете, и для защиты ваших данных сеанс завершён. Войдите снова.",
  },
  VALIDATION_FAILED: { status: 400, title: "Проверьте данные", message: "Запрос содержит ошибки." },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: "Слишком большой запрос",
    message: "Размер отправленных данных превышает допустимый.",
  },
  RATE_LIMITED: {
    status: 429,
    title: "Слишком много запросов",
    message: "Вы отправили слишком много запросов подряд. Подождите минуту и попробуйте снова.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    title: "Запрос выполнялся слишком долго",
    message: "Сервер не дождался окончания запроса. Попробуйте ещё раз.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: "Сервис временно недоступен",
    message: "Мы уже работаем над восстановлением. Попробуйте зайти через несколько минут.",
  },
  INTERNAL: {
    status: 500,
    title: "Внутренняя ошибка",
    message: "Что-то пошло не так на нашей стороне. Попробуйте повторить действие позже.",
  },
  ESIA_UNAVAILABLE: {
    status: 502,
    title: "Госуслуги не отвечают",
    message: "Не удалось связаться с Госуслугами (ЕСИА). Попробуйте войти ещё раз через несколько минут.",
  },
  ESIA_DENIED: {
    status: 403,
    title: "Вход не выполнен",
    message: "Вы отказались предоставить доступ к данным на Госуслугах. Без этого войти в кабинет нельзя.",
  },
  ESIA_FAILED: {
    status: 400,
    title: "Не удалось войти через Госуслуги",
    message: "Госуслуги вернули ошибку при входе. Попробуйте войти снова.",
  },
  ESIA_NOT_CONFIRMED: {
    status: 403,
    title: "Учётная запись не подтверждена",
    message: "Войти в кабинет ФРМР можно только с подтверждённой учётной записью Госуслуг.",
  },
} as const satisfies Record<string, { status: number; title: string; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An expected failure that the error handler renders from the catalogue. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
