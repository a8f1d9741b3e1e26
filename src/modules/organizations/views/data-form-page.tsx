// «Запрос дополнительных сведений» (O6): what ФРМО lacks, compared with ЕГРЮЛ/ЕГРИП on sending, with
// supporting PDF documents. Sent once; an operator verifies it and activates the cabinet.
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { MAX_ATTACHMENTS } from "../activation.service.ts";
import type { DataFormInput } from "../activation.validation.ts";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { organizationKinds } from "../organization-kinds.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { errorFor, FileField, SelectField } from "./fields.tsx";
import { activationLabels } from "./organization-card.tsx";

export function DataFormPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  values: DataFormInput;
  errors: readonly FieldError[];
}) {
  const { actor, values, errors } = props;
  const { organization } = actor;
  const entrepreneur = organization.ogrn.length === 15;
  const open = organization.activation === "incomplete" || organization.activation === "corrections";
  return (
    <CabinetPage ctx={props.ctx} actor={actor} title="Сведения об организации">
      <h1>Сведения об организации</h1>
      {!open ? (
        <p class="notice">
          Состояние кабинета: {activationLabels[organization.activation]}. Реквизиты обновляются из{" "}
          {entrepreneur ? "ЕГРИП" : "ЕГРЮЛ"} ежедневно; чтобы изменить контакты,{" "}
          <a href="/org/feedback">напишите нам</a>.
        </p>
      ) : (
        <>
          <p class="lead">
            Заполните сведения, которых не хватает для активации кабинета. ИНН, КПП и ФИО руководителя
            сверяются с {entrepreneur ? "ЕГРИП" : "ЕГРЮЛ"}: при расхождении форма не будет отправлена.
          </p>
          <ErrorSummary errors={errors} />
          <form
            method="post"
            action={`/org/data?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
            enctype="multipart/form-data"
            class="card"
            novalidate
          >
            <TextField
              name="inn"
              label="ИНН"
              value={values.inn}
              error={errorFor(errors, "inn")}
              inputMode="numeric"
              maxLength={14}
              width="short"
            />
            {!entrepreneur && (
              <TextField
                name="kpp"
                label="КПП"
                value={values.kpp}
                error={errorFor(errors, "kpp")}
                maxLength={11}
                width="short"
              />
            )}
            <TextField
              name="headName"
              label={entrepreneur ? "ФИО индивидуального предпринимателя" : "ФИО руководителя"}
              value={values.headName}
              error={errorFor(errors, "headName")}
              maxLength={200}
            />
            {!entrepreneur && (
              <TextField
                name="headPosition"
                label="Должность руководителя"
                hint="Как в ЕГРЮЛ или приказе о назначении, например «Главный врач»."
                value={values.headPosition}
                error={errorFor(errors, "headPosition")}
                maxLength={200}
              />
            )}
            <TextField
              name="contactPhone"
              label="Контактный телефон"
              autocomplete="tel"
              value={values.contactPhone}
              error={errorFor(errors, "contactPhone")}
              maxLength={30}
              width="short"
            />
            <TextField
              name="contactEmail"
              label="Адрес электронной почты"
              hint="На него придут уведомления о проверке сведений и о входах в кабинет."
              autocomplete="email"
              value={values.contactEmail}
              error={errorFor(errors, "contactEmail")}
              maxLength={254}
            />
            <SelectField
              name="kind"
              label="Вид организации"
              hint={<a href="/organizations/kinds">Какие организации регистрируются в ФРМО и ФРМР</a>}
              value={values.kind}
              placeholder="Выберите"
              options={organizationKinds.map((kind) => ({ value: kind.label, label: kind.label }))}
              error={errorFor(errors, "kind")}
            />
            <FileField
              name="attachments"
              label="Подтверждающие документы (необязательно)"
              hint={`Например, приказ о назначении руководителя. Только PDF, до 5 МБ каждый, не больше ${MAX_ATTACHMENTS} файлов.${errors.length > 0 ? " Если вы выбирали файлы, выберите их снова." : ""}`}
              accept="application/pdf,.pdf"
              multiple
              error={errorFor(errors, "attachments")}
            />
            <button type="submit" class="button">
              Отправить
            </button>
          </form>
        </>
      )}
    </CabinetPage>
  );
}
