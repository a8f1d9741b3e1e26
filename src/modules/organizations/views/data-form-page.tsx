// «Запрос дополнительных сведений» (O6): what ФРМО lacks, compared with ЕГРЮЛ/ЕГРИП on sending, with
// supporting PDF documents. Sent once; an operator verifies it and activates the cabinet.
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { DigitsField, EmailField, PhoneField } from "../../../ui/digit-and-contact-fields.tsx";
import { FileField, SelectField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, errorFor, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { MAX_ATTACHMENTS } from "../activation.service.ts";
import type { DataFormInput } from "../activation.validation.ts";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { organizationKinds } from "../organization-kinds.ts";
import { CabinetPage } from "./cabinet-page.tsx";
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
  const bind = binder({ values, errors });
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
          <PostForm action="/org/data" csrfToken={props.ctx.csrfToken} multipart class="card">
            <DigitsField {...bind("inn")} label="ИНН" maxLength={14} />
            {!entrepreneur && <TextField {...bind("kpp")} label="КПП" maxLength={11} width="short" />}
            <TextField
              {...bind("headName")}
              label={entrepreneur ? "ФИО индивидуального предпринимателя" : "ФИО руководителя"}
              maxLength={200}
            />
            {!entrepreneur && (
              <TextField
                {...bind("headPosition")}
                label="Должность руководителя"
                hint="Как в ЕГРЮЛ или приказе о назначении, например «Главный врач»."
                maxLength={200}
              />
            )}
            <PhoneField {...bind("contactPhone")} label="Контактный телефон" />
            <EmailField
              {...bind("contactEmail")}
              label="Адрес электронной почты"
              hint="На него придут уведомления о проверке сведений и о входах в кабинет."
            />
            <SelectField
              {...bind("kind")}
              label="Вид организации"
              hint={<a href="/organizations/kinds">Какие организации регистрируются в ФРМО и ФРМР</a>}
              placeholder="Выберите"
              options={organizationKinds.map((kind) => ({ value: kind.label, label: kind.label }))}
            />
            <FileField
              name="attachments"
              error={errorFor(errors, "attachments")}
              label="Подтверждающие документы (необязательно)"
              hint={`Например, приказ о назначении руководителя. Только PDF, до 5 МБ каждый, не больше ${MAX_ATTACHMENTS} файлов.${errors.length > 0 ? " Если вы выбирали файлы, выберите их снова." : ""}`}
              accept="application/pdf,.pdf"
              multiple
            />
            <FormActions label="Отправить" />
          </PostForm>
        </>
      )}
    </CabinetPage>
  );
}
