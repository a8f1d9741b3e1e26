// «Зарегистрировать клиента»: the system's name, whose it is, the organization's ФРМО OID for a
// clinic's system, and the scopes.
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { FieldList, type FieldSpec } from "../../../ui/field-list.tsx";
import { CheckboxGroup } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, errorFor, type FieldError } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { deskNavigation } from "../../support/views/desk-queue.tsx";
import { apiClientKinds, apiScopes, scopesAllowed } from "../api.scopes.ts";
import type { ClientFormValues } from "../api-clients.input.ts";
import { kindHints, kindLabels, scopeLabels } from "../api-clients.labels.ts";
import { clientsPath } from "./api-clients-pages.tsx";

const kindOptions = apiClientKinds.map((kind) => ({
  value: kind,
  label: kindLabels[kind],
  hint: kindHints[kind],
}));

const notForAll = apiScopes.filter((scope) =>
  apiClientKinds.some((kind) => !scopesAllowed[kind].includes(scope)),
);

const scopeOptions = apiScopes.map((scope) => ({
  value: scope,
  label: scopeLabels[scope],
  hint: notForAll.includes(scope) ? "Только для системы медицинской организации." : undefined,
}));

const fields: readonly FieldSpec<"name" | "kind" | "org">[] = [
  {
    control: "text",
    name: "name",
    label: "Название системы",
    hint: "Например: «1С:Кадры ГБУЗ Городская поликлиника № 1».",
    maxLength: 200,
  },
  { control: "radio", name: "kind", legend: "Чья это система", options: kindOptions },
  {
    control: "text",
    name: "org",
    label: "OID медицинской организации в ФРМО",
    hint: "Только для системы медицинской организации. Например: 1.2.643.5.1.13.13.12.2.77.7701.",
    maxLength: 100,
  },
];

export function ClientFormPage(props: {
  ctx: PageContext;
  values: ClientFormValues;
  errors: readonly FieldError[];
}) {
  const { values, errors } = props;
  return (
    <Layout ctx={props.ctx} title="Регистрация клиента API" nav={deskNavigation}>
      <h1>Регистрация системы для работы через API</h1>
      <ErrorSummary errors={errors} />
      <PostForm action={`${clientsPath}/new`} csrfToken={props.ctx.csrfToken} class="card">
        <FieldList bind={binder(props)} fields={fields} />
        <CheckboxGroup
          name="scopes"
          legend="Разрешения"
          hint="Дайте только те, что нужны системе для работы."
          options={scopeOptions}
          values={values.scopes}
          error={errorFor(errors, "scopes")}
        />
        <FormActions label="Зарегистрировать" cancelHref={clientsPath} />
      </PostForm>
    </Layout>
  );
}
