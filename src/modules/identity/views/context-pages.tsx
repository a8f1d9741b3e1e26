import type { OrganizationChoice, OrganizationRole } from "../../../http/session.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { roleLabels } from "../identity.policy.ts";

const roleHints: Record<OrganizationRole, string> = {
  head: "Отчётность, управление пользователями, одобрение заявок сотрудников.",
  employee: "Ввод кадровых данных, просмотр статуса, обратная связь — в пределах выданных прав.",
};

export type ChoiceObstacle = "not-in-frmo" | "liquidated";

const obstacleLabels: Record<ChoiceObstacle, string> = {
  "not-in-frmo": "нет в реестре ФРМО, вход в кабинет организации недоступен",
  liquidated: "организация ликвидирована, вход недоступен",
};

export function ChooseContextPage(props: {
  ctx: PageContext;
  choices: OrganizationChoice[];
  /** Offered only to operators of the accreditation commission. */
  commission?: boolean;
  /** Organizations that cannot be entered, by ESIA oid: marked before the person picks them. */
  obstacles?: Record<string, ChoiceObstacle>;
  /** Offered only to support desk operators. */
  support?: boolean;
  error?: boolean;
}) {
  return (
    <Layout ctx={props.ctx} title="Выбор способа входа">
      <h1>Как вы хотите войти?</h1>
      {props.error && (
        <div class="error-summary" role="alert">
          <h2>Выберите вариант входа</h2>
          <p>
            <a href="#choice-worker">Отметьте, от чьего имени вы работаете в кабинете</a>
          </p>
        </div>
      )}
      <p class="lead">Выбор действует до выхода из кабинета. Чтобы сменить его, выйдите и войдите снова.</p>
      <form method="post" action="/auth/context" class="card">
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <fieldset class="field choices">
          <legend>Войти</legend>
          <label class="choice">
            <input type="radio" name="choice" value="worker" id="choice-worker" required />
            Как медицинский работник
          </label>
          {props.commission && (
            <label class="choice">
              <input type="radio" name="choice" value="commission" />
              Аккредитационная комиссия
            </label>
          )}
          {props.support && (
            <label class="choice">
              <input type="radio" name="choice" value="support" />
              Техническая поддержка
            </label>
          )}
          {props.choices.map((choice) => (
            <label class="choice" key={choice.esiaOrgOid}>
              <input type="radio" name="choice" value={choice.esiaOrgOid} />
              От имени организации «{choice.shortName}»
              {props.obstacles?.[choice.esiaOrgOid] && (
                <span class="hint">
                  {obstacleLabels[props.obstacles[choice.esiaOrgOid] ?? "not-in-frmo"]}
                </span>
              )}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button">
          Продолжить
        </button>
      </form>
    </Layout>
  );
}

export function ChooseRolePage(props: {
  ctx: PageContext;
  organizationName: string;
  roles: OrganizationRole[];
}) {
  return (
    <Layout ctx={props.ctx} title="Выбор роли">
      <h1>Роль в организации</h1>
      <p class="lead">{props.organizationName}</p>
      {props.roles.length === 1 && (
        <p class="notice">
          Роль «Руководитель» доступна только руководителю организации по данным Госуслуг. Вы можете войти как
          сотрудник.
        </p>
      )}
      <form method="post" action="/auth/context/role" class="card">
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <fieldset class="field choices">
          <legend>Войти в роли</legend>
          {props.roles.map((role, index) => (
            <label class="choice" key={role}>
              <input
                type="radio"
                name="role"
                value={role}
                required
                checked={index === props.roles.length - 1}
              />
              {roleLabels[role]} <span class="hint">{roleHints[role]}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button">
          Войти
        </button>
      </form>
    </Layout>
  );
}
