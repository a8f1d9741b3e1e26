// Public verification (C2, C3): an extract by its number (the QR code leads here), or a
// specialist's accreditation by СНИЛС and specialty. Surname and initials only.
import { formatDate } from "../../../shared/format.ts";
import { optionsOf, SelectField } from "../../../ui/fields.tsx";
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { PublicAccreditation } from "../extracts.service.ts";

function Result({ found }: { found: PublicAccreditation }) {
  return (
    <section class="card" aria-labelledby="result-title">
      <h2 id="result-title">
        {found.valid ? (
          <span class="badge badge--ok">Аккредитация действует</span>
        ) : (
          <span class="badge badge--bad">Аккредитация не действует</span>
        )}
      </h2>
      <dl class="facts">
        <dt>Специалист</dt>
        <dd>{found.shortName}</dd>
        <dt>Специальность</dt>
        <dd>{found.specialty}</dd>
        <dt>Вид аккредитации</dt>
        <dd>{found.kind}</dd>
        <dt>Дата прохождения</dt>
        <dd>{found.passDate ? formatDate(found.passDate) : "—"}</dd>
        <dt>Действует до</dt>
        <dd>{found.endDate ? formatDate(found.endDate) : "—"}</dd>
        <dt>Протокол</dt>
        <dd>
          {found.protocolNumber
            ? `№ ${found.protocolNumber} от ${found.protocolDate ? formatDate(found.protocolDate) : "—"}`
            : "—"}
        </dd>
      </dl>
    </section>
  );
}

export function ExtractCheckPage({
  ctx,
  number,
  found,
}: {
  ctx: PageContext;
  number: string;
  found: PublicAccreditation | undefined;
}) {
  return (
    <Layout ctx={ctx} title="Проверка выписки">
      <h1>Проверка выписки № {number}</h1>
      {found ? (
        <>
          <p class="lead">
            Выписка подлинная: запись об аккредитации есть в Федеральном регистре медицинских работников.
          </p>
          <Result found={found} />
        </>
      ) : (
        <p class="notice">Выписки с таким номером нет. Проверьте номер или отсканируйте QR-код ещё раз.</p>
      )}
      <p>
        <a href="/verify">Проверить аккредитацию по СНИЛС</a>
      </p>
    </Layout>
  );
}

export function LookupPage(props: {
  ctx: PageContext;
  specialties: readonly { code: string; name: string }[];
  values?: Record<string, string>;
  errors?: readonly FieldError[];
  result?: { found: PublicAccreditation | undefined };
}) {
  const { values = {}, errors = [] } = props;
  const specialtyError = errors.find((error) => error.field === "specialty")?.message;
  return (
    <Layout ctx={props.ctx} title="Проверка аккредитации специалиста">
      <h1>Проверка аккредитации специалиста</h1>
      <p class="lead">
        Укажите СНИЛС специалиста и специальность. Номер выписки проверяется по ссылке из её QR-кода.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/verify" class="card">
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <TextField
          name="snils"
          label="СНИЛС"
          hint="11 цифр, например 123-456-789 01"
          value={values.snils}
          error={errors.find((error) => error.field === "snils")?.message}
          inputMode="numeric"
          width="short"
        />
        <SelectField
          name="specialty"
          label="Специальность"
          value={values.specialty}
          options={optionsOf(props.specialties)}
          placeholder="— выберите —"
          error={specialtyError}
        />
        <button type="submit" class="button">
          Проверить
        </button>
      </form>
      {props.result &&
        (props.result.found ? (
          <Result found={props.result.found} />
        ) : (
          <p class="notice" role="status">
            Сведений об аккредитации этого специалиста по выбранной специальности в регистре нет.
          </p>
        ))}
    </Layout>
  );
}
