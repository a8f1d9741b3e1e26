// «Уполномоченные представители» (O8): appointments with their state, the operator's refusal
// reasons, and the form to appoint one on a power of attorney.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { errorFor, FileField } from "../../organizations/views/fields.tsx";
import { isRepresentativeValid } from "../access.policy.ts";
import type { RepresentativeRow } from "../access.repository.ts";
import { type AppointmentInput, MAX_SUPPORTING } from "../representatives.service.ts";

function stateOf(row: RepresentativeRow, today: string): { text: string; className: string } {
  if (row.status === "pending") return { text: "на проверке у оператора", className: "badge" };
  if (row.status === "refused") return { text: "отказано", className: "badge badge--bad" };
  if (row.status === "revoked") return { text: "полномочия прекращены", className: "badge badge--bad" };
  if (isRepresentativeValid(row, today)) return { text: "действует", className: "badge badge--ok" };
  return {
    text: today > row.validUntil ? "срок доверенности истёк" : "доверенность ещё не действует",
    className: "badge badge--warn",
  };
}

export function RepresentativesPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  representatives: RepresentativeRow[];
  flash?: string | undefined;
}) {
  const { actor } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={actor} title="Уполномоченные представители" flash={props.flash}>
      <h1>Уполномоченные представители</h1>
      <p class="lead">
        Представитель управляет доступом сотрудников, загружает документы, подаёт заявления от имени
        организации и работает с отчётами. Передать свои полномочия другим он не может.
      </p>
      <p>
        <a class="button" href="/org/representatives/new">
          Назначить представителя
        </a>
      </p>
      {props.representatives.length === 0 ? (
        <p>Представители ещё не назначались.</p>
      ) : (
        <ul class="cards">
          {props.representatives.map((row) => {
            const state = stateOf(row, actor.today);
            return (
              <li class="card" key={row.id}>
                <h2>{row.fullName}</h2>
                <p>
                  <span class={state.className}>{state.text}</span>
                </p>
                <dl class="facts">
                  <dt>СНИЛС</dt>
                  <dd>{formatSnils(row.snils)}</dd>
                  <dt>Доверенность</dt>
                  <dd>
                    № {row.attorneyNumber} ({row.attorneyFormat === "xml" ? "машиночитаемая" : "PDF"}), с{" "}
                    {formatDate(row.issuedOn)} по {formatDate(row.validUntil)}
                  </dd>
                  <dt>Отправлено</dt>
                  <dd>{formatDateTime(row.submittedAt)}</dd>
                </dl>
                {row.status === "refused" && (
                  <>
                    <p>Недостающие или неверные документы:</p>
                    <ul>
                      {row.refusalReasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </>
                )}
                {(row.status === "active" || row.status === "pending") && (
                  <form method="post" action={`/org/representatives/${row.id}/revoke`}>
                    <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
                    <button type="submit" class="button button--secondary">
                      {row.status === "pending" ? "Отозвать заявку" : "Прекратить полномочия"}
                      <span class="visually-hidden">: {row.fullName}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </CabinetPage>
  );
}

export function AppointmentPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  values: AppointmentInput;
  errors: readonly FieldError[];
}) {
  const { values, errors } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Назначение представителя">
      <h1>Назначение уполномоченного представителя</h1>
      <p class="lead">
        Приложите доверенность, подписанную руководителем, устав или решение учредителя и документ,
        удостоверяющий личность представителя. Формат и сроки проверяются сразу, затем документы проверит
        оператор.
      </p>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={`/org/representatives?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="card"
        novalidate
      >
        <TextField
          name="snils"
          label="СНИЛС представителя"
          value={values.snils}
          error={errorFor(errors, "snils")}
          inputMode="numeric"
          maxLength={20}
          width="short"
        />
        <TextField
          name="fullName"
          label="ФИО представителя"
          value={values.fullName}
          error={errorFor(errors, "fullName")}
          maxLength={200}
        />
        <FileField
          name="attorney"
          label="Доверенность"
          hint="PDF или машиночитаемая доверенность (XML). Номер и сроки из машиночитаемой доверенности заполнятся сами."
          accept="application/pdf,.pdf,application/xml,text/xml,.xml"
          error={errorFor(errors, "attorney")}
        />
        <fieldset class="fieldset">
          <legend>Сведения о доверенности в формате PDF</legend>
          <TextField
            name="attorneyNumber"
            label="Номер доверенности"
            value={values.attorneyNumber}
            error={errorFor(errors, "attorneyNumber")}
            maxLength={100}
            width="short"
          />
          <TextField
            name="issuedOn"
            label="Дата выдачи"
            type="date"
            value={values.issuedOn}
            error={errorFor(errors, "issuedOn")}
            width="short"
          />
          <TextField
            name="validUntil"
            label="Действует до (включительно)"
            type="date"
            value={values.validUntil}
            error={errorFor(errors, "validUntil")}
            width="short"
          />
        </fieldset>
        <FileField
          name="charter"
          label="Устав или решение учредителя (PDF)"
          accept="application/pdf,.pdf"
          error={errorFor(errors, "charter")}
        />
        <FileField
          name="identity"
          label="Документ, удостоверяющий личность представителя (PDF)"
          accept="application/pdf,.pdf"
          error={errorFor(errors, "identity")}
        />
        <FileField
          name="supporting"
          label="Другие подтверждающие документы (необязательно)"
          hint={`Например, приказ о назначении. PDF, не больше ${MAX_SUPPORTING} файлов.`}
          accept="application/pdf,.pdf"
          multiple
          error={errorFor(errors, "supporting")}
        />
        {errors.length > 0 && (
          <p class="hint">Файлы нужно выбрать снова: по соображениям безопасности браузер их не сохраняет.</p>
        )}
        <button type="submit" class="button">
          Отправить на проверку
        </button>
      </form>
    </CabinetPage>
  );
}
