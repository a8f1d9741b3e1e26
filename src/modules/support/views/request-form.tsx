// The request form, the same in the worker's cabinet, the organization's cabinet and the public
// form; the public one also asks who is writing and carries the check against automated sending.
import { PostForm } from "../../../ui/actions.tsx";
import { FieldList, type FieldSpec, optionsOfLabels } from "../../../ui/field-list.tsx";
import { binder, ErrorSummary, errorFor, type FieldError, TextField } from "../../../ui/form.tsx";
import { Layout, type NavItem, type PageContext } from "../../../ui/layout.tsx";
import { requestKinds } from "../support.status.ts";
import { FilesField } from "./fields.tsx";

export interface RequestFormProps {
  ctx: PageContext;
  nav?: readonly NavItem[] | undefined;
  /** Where the form is posted, e.g. `/lk/support/new`. */
  action: string;
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
  /** The public form: sender fields and the check. */
  publicForm?: { question: string; token: string } | undefined;
  /** Shown above the form: who the request is sent as. */
  senderNote?: string | undefined;
}

/** Who writes: only the public form asks, the cabinets know the sender. */
const senderFields: readonly FieldSpec<string>[] = [
  { control: "text", name: "name", label: "Фамилия, имя и отчество", autocomplete: "name", maxLength: 200 },
  {
    control: "text",
    name: "identifier",
    label: "СНИЛС или ИНН",
    hint: "СНИЛС — 11 цифр, ИНН — 10 или 12 цифр.",
    inputMode: "numeric",
    maxLength: 20,
    width: "short",
  },
  {
    control: "text",
    name: "email",
    label: "Электронная почта для ответа",
    autocomplete: "email",
    maxLength: 254,
  },
];

/** What went wrong, before the error code the failure page passed on. */
const problemFields: readonly FieldSpec<string>[] = [
  {
    control: "select",
    name: "kind",
    label: "Тема обращения",
    options: optionsOfLabels(requestKinds),
    placeholder: "Выберите тему",
  },
  {
    control: "textarea",
    name: "errorText",
    label: "Точный текст ошибки (если была)",
    hint: "Скопируйте сообщение с экрана целиком.",
    rows: 2,
    maxLength: 1000,
  },
];

const whenFields: readonly FieldSpec<string>[] = [
  {
    control: "text",
    name: "attemptAt",
    label: "Дата и время попытки",
    hint: "ДД.ММ.ГГГГ ЧЧ:ММ по московскому времени, например 21.11.2026 14:05.",
    maxLength: 25,
    width: "short",
  },
  {
    control: "textarea",
    name: "description",
    label: "Описание",
    hint: "Что вы делали перед ошибкой и что ожидали увидеть.",
  },
];

export function RequestFormPage(props: RequestFormProps) {
  const { ctx, values, errors } = props;
  const bind = binder(props);
  const title = "Обращение в службу поддержки";
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `Ошибка: ${title}` : title} nav={props.nav}>
      <h1>{title}</h1>
      <p class="lead">
        {props.publicForm
          ? "Опишите проблему — обращению сразу присвоят номер, а ответ придёт на указанную электронную почту."
          : "Опишите проблему — обращению сразу присвоят номер, а ответ придёт в личный кабинет и на электронную почту."}
      </p>
      {props.senderNote && <p>{props.senderNote}</p>}
      <ErrorSummary errors={errors} />
      <PostForm action={props.action} csrfToken={ctx.csrfToken} multipart class="card">
        <FieldList bind={bind} fields={[...(props.publicForm ? senderFields : []), ...problemFields]} />
        {values.errorCode && (
          <p>
            Код ошибки: <strong>{values.errorCode}</strong>
            <input type="hidden" name="errorCode" value={values.errorCode} />
          </p>
        )}
        <FieldList bind={bind} fields={whenFields} />
        <FilesField error={errorFor(errors, "files")} />
        {props.publicForm && (
          <>
            <TextField
              {...bind("answer")}
              value=""
              label={`Проверка: ${props.publicForm.question}`}
              hint="Ответьте цифрами: так мы отличаем людей от программ."
              inputMode="numeric"
              maxLength={3}
              width="short"
            />
            <input type="hidden" name="challenge" value={props.publicForm.token} />
            {/* Hidden from people (and from assistive technology); programs that fill every field fill it. */}
            <div class="visually-hidden" aria-hidden="true">
              <label for="field-website">Не заполняйте это поле</label>
              <input type="text" id="field-website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
          </>
        )}
        <button type="submit" class="button">
          Отправить обращение
        </button>
      </PostForm>
    </Layout>
  );
}
