import { type ErrorCode, errorCatalogue } from "../shared/errors.ts";
import { formatDateTime } from "../shared/format.ts";
import { ErrorAdvice } from "./error-advice.tsx";
import { homeOf, type PageContext } from "./layout.tsx";
import { NoticePage } from "./notice-page.tsx";

const loginCodes = new Set<ErrorCode>([
  "SESSION_EXPIRED",
  "UNAUTHENTICATED",
  "ESIA_FAILED",
  "ESIA_UNAVAILABLE",
]);

/** The support form, prefilled with what support needs to find the failure in the logs. */
export function supportLink(code: ErrorCode, at: Date): string {
  return `/support/new?${new URLSearchParams({ code, at: at.toISOString() })}`;
}

/** The short Russian reference, the contacts and «Написать в поддержку», at the foot of every error page. */
export function SupportReference({ ctx, code, at }: { ctx: PageContext; code: ErrorCode; at: Date }) {
  return (
    <div class="support-reference">
      <p>
        <a class="button button--secondary" href={supportLink(code, at)}>
          Написать в поддержку
        </a>
      </p>
      <p class="muted">
        Справка для поддержки: ошибка {errorCatalogue[code].status} от {formatDateTime(at)} (мск). Телефон
        поддержки {ctx.support.phone}, электронная почта {ctx.support.email}, {ctx.support.hours}.
      </p>
    </div>
  );
}

// The catalogue's code stays out of the text (people read Russian) but in a data- attribute and in
// the support link, so that support and tests still see exactly which failure it was.
export function ErrorPage({ ctx, code, at = new Date() }: { ctx: PageContext; code: ErrorCode; at?: Date }) {
  const entry = errorCatalogue[code];
  return (
    <NoticePage
      ctx={ctx}
      title={entry.title}
      lead={entry.message}
      code={code}
      actions={[
        loginCodes.has(code)
          ? {
              href: "/auth/esia/login",
              label: code === "SESSION_EXPIRED" ? "Войти снова" : "Попробовать снова",
            }
          : { href: homeOf(ctx.viewer), label: "На главную" },
      ]}
      footer={<SupportReference ctx={ctx} code={code} at={at} />}
    >
      <ErrorAdvice code={code} />
    </NoticePage>
  );
}
