// «Управление пользователями» (O9): employees' rights with their periods, the form to grant new
// ones, and revocation. A grant ends by itself after its last day.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { ChoiceField, errorFor } from "../../organizations/views/fields.tsx";
import type { GrantRow } from "../access.repository.ts";
import { rightLabels, rights } from "../access.rights.ts";
import type { GrantInput } from "../access.validation.ts";

export type GrantState = "active" | "scheduled" | "expired" | "revoked";

export function grantState(grant: GrantRow, today: string): GrantState {
  if (grant.revokedAt) return "revoked";
  if (today > grant.endsOn) return "expired";
  return today < grant.startsOn ? "scheduled" : "active";
}

const stateBadges: Record<GrantState, { text: string; className: string }> = {
  active: { text: "действуют", className: "badge badge--ok" },
  scheduled: { text: "начнут действовать", className: "badge" },
  expired: { text: "срок истёк", className: "badge badge--warn" },
  revoked: { text: "отозваны", className: "badge badge--bad" },
};

export function AccessPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  grants: GrantRow[];
  values: GrantInput;
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { actor, values, errors } = props;
  const checked = [values.rights ?? []].flat();
  return (
    <CabinetPage ctx={props.ctx} actor={actor} title="Управление пользователями" flash={props.flash}>
      <h1>Управление пользователями</h1>
      <p class="lead">
        Сотрудники входят в кабинет организации через Госуслуги в роли «Сотрудник» и получают здесь права на
        срок. Права перестают действовать сами на следующий день после даты окончания.
      </p>
      {actor.role === "head" && (
        <p>
          Уполномоченных представителей, которые управляют доступом вместе с вами, назначают в разделе{" "}
          <a href="/org/representatives">«Уполномоченные представители»</a>. Все действия видны в{" "}
          <a href="/org/journal">журнале операций</a>.
        </p>
      )}
      {actor.representative && (
        <p class="notice">
          Вы уполномоченный представитель: права можно выдать на срок не позднее окончания вашей доверенности
          ({formatDate(actor.representative.validUntil)}). Назначать других представителей может только
          руководитель.
        </p>
      )}
      <section class="card" aria-labelledby="grants-title">
        <h2 id="grants-title">Выданные права</h2>
        {props.grants.length === 0 ? (
          <p>Права ещё не выдавались.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Сотрудник</th>
                  <th scope="col">Права</th>
                  <th scope="col">Срок</th>
                  <th scope="col">Состояние</th>
                  <th scope="col">
                    <span class="visually-hidden">Действия</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.grants.map((grant) => {
                  const state = grantState(grant, actor.today);
                  return (
                    <tr key={grant.id}>
                      <td>
                        {grant.fullName}
                        <br />
                        <span class="muted">СНИЛС {formatSnils(grant.snils)}</span>
                      </td>
                      <td>{grant.rights.map((right) => rightLabels[right]).join("; ")}</td>
                      <td>
                        {formatDate(grant.startsOn)} — {formatDate(grant.endsOn)}
                      </td>
                      <td>
                        <span class={stateBadges[state].className}>{stateBadges[state].text}</span>
                        {grant.revokedAt && <span class="muted"> {formatDateTime(grant.revokedAt)}</span>}
                      </td>
                      <td>
                        {(state === "active" || state === "scheduled") && (
                          <form method="post" action={`/org/access/grants/${grant.id}/revoke`}>
                            <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
                            <button type="submit" class="button button--secondary">
                              Отозвать<span class="visually-hidden"> права: {grant.fullName}</span>
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="grant-title">
        <h2 id="grant-title">Выдать права сотруднику</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/org/access/grants" novalidate>
          <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
          <TextField
            name="snils"
            label="СНИЛС сотрудника"
            hint="По нему сотрудник будет узнан при входе через Госуслуги."
            value={values.snils}
            error={errorFor(errors, "snils")}
            inputMode="numeric"
            maxLength={20}
            width="short"
          />
          <TextField
            name="fullName"
            label="ФИО сотрудника"
            value={values.fullName}
            error={errorFor(errors, "fullName")}
            maxLength={200}
          />
          <ChoiceField
            name="rights"
            legend="Права"
            type="checkbox"
            options={rights.map((right) => ({ value: right, label: rightLabels[right] }))}
            checked={checked}
            error={errorFor(errors, "rights")}
          />
          <TextField
            name="startsOn"
            label="Действуют с"
            type="date"
            value={values.startsOn ?? actor.today}
            error={errorFor(errors, "startsOn")}
            width="short"
          />
          <TextField
            name="endsOn"
            label="Действуют по (включительно)"
            type="date"
            value={values.endsOn}
            error={errorFor(errors, "endsOn")}
            width="short"
          />
          <button type="submit" class="button">
            Выдать права
          </button>
        </form>
      </section>
    </CabinetPage>
  );
}
