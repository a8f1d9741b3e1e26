// «Управление пользователями» (O9): employees' rights with their periods, the form to grant new
// ones, and revocation. A grant ends by itself after its last day.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { buttonClass, FormActions, PostForm } from "../../../ui/actions.tsx";
import { CheckboxGroup, SnilsField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
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

function grantColumns(today: string): Column<GrantRow>[] {
  return [
    {
      label: "Сотрудник",
      cell: (grant) => (
        <>
          {grant.fullName}
          <br />
          <span class="muted">СНИЛС {formatSnils(grant.snils)}</span>
        </>
      ),
    },
    { label: "Права", cell: (grant) => grant.rights.map((right) => rightLabels[right]).join("; ") },
    { label: "Срок", cell: (grant) => `${formatDate(grant.startsOn)} — ${formatDate(grant.endsOn)}` },
    {
      label: "Состояние",
      cell: (grant) => {
        const state = stateBadges[grantState(grant, today)];
        return (
          <>
            <span class={state.className}>{state.text}</span>
            {grant.revokedAt && <span class="muted"> {formatDateTime(grant.revokedAt)}</span>}
          </>
        );
      },
    },
    {
      label: "Действия",
      cell: (grant) => {
        const state = grantState(grant, today);
        if (state !== "active" && state !== "scheduled") return null;
        return (
          // The confirmation page asks first (revoking acts at once).
          <a class={buttonClass("secondary")} href={`/org/access/grants/${grant.id}/revoke`}>
            Отозвать<span class="visually-hidden"> права: {grant.fullName}</span>
          </a>
        );
      },
    },
  ];
}

export function AccessPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  grants: GrantRow[];
  values: GrantInput;
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { actor, values, errors } = props;
  const bind = binder({ values, errors });
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
          <DataTable
            caption="Выданные права"
            rows={props.grants}
            rowKey={(grant) => grant.id}
            columns={grantColumns(actor.today)}
          />
        )}
      </section>
      <section class="card" aria-labelledby="grant-title">
        <h2 id="grant-title">Выдать права сотруднику</h2>
        <ErrorSummary errors={errors} />
        <PostForm action="/org/access/grants" csrfToken={props.ctx.csrfToken}>
          <SnilsField
            {...bind("snils")}
            label="СНИЛС сотрудника"
            hint="По нему сотрудник будет узнан при входе через Госуслуги."
          />
          <TextField {...bind("fullName")} label="ФИО сотрудника" maxLength={200} />
          <CheckboxGroup
            {...bind("rights")}
            legend="Права"
            options={rights.map((right) => ({ value: right, label: rightLabels[right] }))}
            values={[values.rights ?? []].flat()}
          />
          <DateField {...bind("startsOn")} value={values.startsOn ?? actor.today} label="Действуют с" />
          <DateField {...bind("endsOn")} label="Действуют по (включительно)" />
          <FormActions label="Выдать права" />
        </PostForm>
      </section>
    </CabinetPage>
  );
}
