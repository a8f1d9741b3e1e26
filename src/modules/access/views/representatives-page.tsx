// «Уполномоченные представители» (O8): appointments with their state, the operator's refusal
// reasons, and the form to appoint one on a power of attorney.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { buttonClass, FormActions, PostForm } from "../../../ui/actions.tsx";
import { Fieldset, FileField, SnilsField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, errorFor, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { SignFilePage, type SigningState } from "../../signatures/views/sign-file-page.tsx";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import { isRepresentativeValid } from "../access.policy.ts";
import type { RepresentativeRow } from "../access.repository.ts";
import { type AppointmentInput, attorneySignable, MAX_SUPPORTING } from "../representatives.service.ts";

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
  /** The head's signatures over the powers of attorney, by representative. */
  signatures: SignatureRow[];
  flash?: string | undefined;
}) {
  const { actor } = props;
  const canSign = actor.powers.has("signatures.manage");
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
            const signed = props.signatures.filter((signature) => signature.subjectId === row.id);
            return (
              <li class="card" key={row.id}>
                <h2>{row.fullName}</h2>
                <p>
                  <span class={state.className}>{state.text}</span>
                </p>
                <SummaryList
                  rows={[
                    { label: "СНИЛС", value: formatSnils(row.snils) },
                    {
                      label: "Доверенность",
                      value: `№ ${row.attorneyNumber} (${row.attorneyFormat === "xml" ? "машиночитаемая" : "PDF"}), с ${formatDate(row.issuedOn)} по ${formatDate(row.validUntil)}`,
                    },
                    { label: "Отправлено", value: formatDateTime(row.submittedAt) },
                  ]}
                />
                <p>
                  <a href={`/org/representatives/${row.id}/attorney`}>
                    Скачать доверенность<span class="visually-hidden">: {row.fullName}</span>
                  </a>
                </p>
                {signed.length === 0 && <p>Доверенность не подписана электронной подписью.</p>}
                {signed.map((signature) => (
                  <SignatureLine
                    key={signature.id}
                    signature={signature}
                    downloadBase={`/org/representatives/${row.id}/signatures/${signature.id}`}
                  />
                ))}
                {canSign && signed.length === 0 && attorneySignable(row) && (
                  <p>
                    <a class={buttonClass("secondary")} href={`/org/representatives/${row.id}/sign`}>
                      Подписать доверенность ЭП<span class="visually-hidden">: {row.fullName}</span>
                    </a>
                  </p>
                )}
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
                  <a class={buttonClass("secondary")} href={`/org/representatives/${row.id}/revoke`}>
                    {row.status === "pending" ? "Отозвать заявку" : "Прекратить полномочия"}
                    <span class="visually-hidden">: {row.fullName}</span>
                  </a>
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
  const bind = binder({ values, errors });
  const file = (name: string) => ({ name, error: errorFor(errors, name) });
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Назначение представителя">
      <h1>Назначение уполномоченного представителя</h1>
      <p class="lead">
        Приложите доверенность, подписанную руководителем, устав или решение учредителя и документ,
        удостоверяющий личность представителя. Формат и сроки проверяются сразу, затем документы проверит
        оператор.
      </p>
      <ErrorSummary errors={errors} />
      <PostForm action="/org/representatives" csrfToken={props.ctx.csrfToken} multipart class="card">
        <SnilsField {...bind("snils")} label="СНИЛС представителя" />
        <TextField {...bind("fullName")} label="ФИО представителя" maxLength={200} />
        <FileField
          {...file("attorney")}
          label="Доверенность"
          hint="PDF или машиночитаемая доверенность (XML). Номер и сроки из машиночитаемой доверенности заполнятся сами."
          accept="application/pdf,.pdf,application/xml,text/xml,.xml"
        />
        <Fieldset legend="Сведения о доверенности в формате PDF">
          <TextField {...bind("attorneyNumber")} label="Номер доверенности" maxLength={100} width="short" />
          <DateField {...bind("issuedOn")} label="Дата выдачи" />
          <DateField {...bind("validUntil")} label="Действует до (включительно)" />
        </Fieldset>
        <FileField
          {...file("charter")}
          label="Устав или решение учредителя (PDF)"
          accept="application/pdf,.pdf"
        />
        <FileField
          {...file("identity")}
          label="Документ, удостоверяющий личность представителя (PDF)"
          accept="application/pdf,.pdf"
        />
        <FileField
          {...file("supporting")}
          label="Другие подтверждающие документы (необязательно)"
          hint={`Например, приказ о назначении. PDF, не больше ${MAX_SUPPORTING} файлов.`}
          accept="application/pdf,.pdf"
          multiple
        />
        {errors.length > 0 && (
          <p class="hint">Файлы нужно выбрать снова: по соображениям безопасности браузер их не сохраняет.</p>
        )}
        <FormActions label="Отправить на проверку" />
      </PostForm>
    </CabinetPage>
  );
}

export function SignAttorneyPage(
  props: SigningState & { ctx: PageContext; actor: CabinetActor; representative: RepresentativeRow },
) {
  const { representative: row, ...rest } = props;
  return (
    <SignFilePage
      {...rest}
      title={`Подписание доверенности: ${row.fullName}`}
      heading="Подписание доверенности представителя"
      back={{ href: "/org/representatives", label: "Уполномоченные представители" }}
      lead={
        <>
          Подписывается доверенность № {row.attorneyNumber} на имя {row.fullName} (с{" "}
          {formatDate(row.issuedOn)} по {formatDate(row.validUntil)}) в точности в том виде, в каком она
          хранится в кабинете.
        </>
      }
      fileUrl={`/org/representatives/${row.id}/attorney`}
      action={`/org/representatives/${row.id}/signature`}
      submitLabel="Подписать доверенность"
    />
  );
}
