import type { ErrorCode } from "../../../shared/errors.ts";
import { errorCatalogue } from "../../../shared/errors.ts";
import type { PageContext } from "../../../ui/layout.tsx";
import { NoticePage } from "../../../ui/notice-page.tsx";

export function LoginFailedPage(props: {
  ctx: PageContext;
  code: ErrorCode;
  providerCode: string | undefined;
}) {
  const entry = errorCatalogue[props.code];
  return (
    <NoticePage
      ctx={props.ctx}
      title={entry.title}
      lead={entry.message}
      actions={[
        { href: "/auth/esia/login", label: "Попробовать снова" },
        { href: "/help", label: "Помощь" },
      ]}
    >
      {props.providerCode && <p class="muted">Код ответа Госуслуг: {props.providerCode}</p>}
    </NoticePage>
  );
}

export function NotConfirmedPage({ ctx, switchAccountUrl }: { ctx: PageContext; switchAccountUrl: string }) {
  return (
    <NoticePage
      ctx={ctx}
      title="Учётная запись не подтверждена"
      lead="Войти в кабинет ФРМР можно только с подтверждённой учётной записью Госуслуг. Ваша учётная запись — упрощённая или стандартная."
      actions={[
        { href: "/auth/esia/login", label: "Войти снова" },
        { href: switchAccountUrl, label: "Войти под другой учётной записью" },
        { href: "/help", label: "Помощь" },
      ]}
    >
      <h2>Как подтвердить учётную запись</h2>
      <ol>
        <li>
          Войдите на Госуслуги и проверьте, что в профиле указаны паспортные данные и СНИЛС и они проверены.
        </li>
        <li>
          Подтвердите личность одним из способов: онлайн через банк, в котором вы обслуживаетесь; с помощью
          электронной подписи; лично в МФЦ или другом центре обслуживания с паспортом и СНИЛС.
        </li>
        <li>
          Дождитесь, когда статус учётной записи сменится на «Подтверждённая», и войдите в кабинет снова.
        </li>
      </ol>
    </NoticePage>
  );
}

export function LoggedOutPage({ ctx }: { ctx: PageContext }) {
  return (
    <NoticePage
      ctx={ctx}
      title="Вы вышли из кабинета"
      heading="Вы вышли из личного кабинета"
      lead="Сеанс завершён в кабинете ФРМР и на Госуслугах."
      actions={[{ href: "/auth/esia/login", label: "Войти через Госуслуги" }]}
    />
  );
}
