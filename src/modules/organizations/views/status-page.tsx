// «Просмотр статуса»: where the organization's cabinet stands and what this person may do in it.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import type { PageContext } from "../../../ui/layout.tsx";
import type { GrantRow } from "../../access/access.repository.ts";
import { rightLabels } from "../../access/access.rights.ts";
import { roleLabels } from "../../identity/identity.policy.ts";
import type { CorrectionRequestRow, DataRequestRow } from "../activation.repository.ts";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { type CorrectableField, correctableFields } from "../corrections.service.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { activationLabels } from "./organization-card.tsx";

export interface StatusPageData {
  grants: GrantRow[];
  dataRequest: DataRequestRow | undefined;
  corrections: CorrectionRequestRow[];
}

export function StatusPage(props: { ctx: PageContext; actor: CabinetActor; data: StatusPageData }) {
  const { actor, data } = props;
  const { organization } = actor;
  return (
    <CabinetPage ctx={props.ctx} actor={actor} title="Просмотр статуса">
      <h1>Просмотр статуса</h1>
      <section class="card" aria-labelledby="cabinet-status">
        <h2 id="cabinet-status">Кабинет организации</h2>
        <dl class="facts">
          <dt>Состояние</dt>
          <dd>{activationLabels[organization.activation]}</dd>
          <dt>Сверка с ЕГРЮЛ/ЕГРИП</dt>
          <dd>
            {organization.egrulMismatches.length > 0
              ? `есть расхождения: ${organization.egrulMismatches.join(" ")}`
              : organization.egrulSyncedAt
                ? `расхождений нет, ${formatDateTime(organization.egrulSyncedAt)}`
                : "ещё не выполнялась"}
          </dd>
          {data.dataRequest && (
            <>
              <dt>Сведения для активации</dt>
              <dd>
                отправлены {formatDateTime(data.dataRequest.submittedAt)}
                {data.dataRequest.decidedAt &&
                  `, решение оператора ${formatDateTime(data.dataRequest.decidedAt)}`}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section class="card" aria-labelledby="my-access">
        <h2 id="my-access">Ваш доступ</h2>
        <dl class="facts">
          <dt>Роль</dt>
          <dd>{roleLabels[actor.role]}</dd>
          {actor.representative && (
            <>
              <dt>Уполномоченный представитель</dt>
              <dd>по доверенности до {formatDate(actor.representative.validUntil)}</dd>
            </>
          )}
        </dl>
        {actor.role === "employee" && !actor.representative && (
          <>
            <h3>Выданные права</h3>
            {data.grants.length === 0 ? (
              <p>
                Права вам не выдавались. Их выдаёт руководитель или уполномоченный представитель организации.
              </p>
            ) : (
              <ul>
                {data.grants.map((grant) => (
                  <li key={grant.id}>
                    {grant.rights.map((right) => rightLabels[right]).join("; ")} — с{" "}
                    {formatDate(grant.startsOn)} по {formatDate(grant.endsOn)}
                    {grant.revokedAt
                      ? ` (отозваны ${formatDateTime(grant.revokedAt)})`
                      : actor.today > grant.endsOn
                        ? " (срок истёк)"
                        : actor.today < grant.startsOn
                          ? " (ещё не начали действовать)"
                          : " (действуют)"}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section class="card" aria-labelledby="my-corrections">
        <h2 id="my-corrections">Запросы на исправление сведений</h2>
        {data.corrections.length === 0 ? (
          <p>
            Запросов нет. <a href="/org/feedback">Отправить запрос</a>
          </p>
        ) : (
          <ul>
            {data.corrections.map((row) => (
              <li key={row.id}>
                {formatDateTime(row.createdAt)}, «
                {correctableFields[row.field as CorrectableField] ?? row.field}»:{" "}
                {row.status === "new" ? "на рассмотрении" : `ответ: ${row.answer}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </CabinetPage>
  );
}
