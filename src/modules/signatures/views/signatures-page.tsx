// «Электронные подписи» (O11, O12): the head's certificates and the registration of a new one.
// The .cer way works without JavaScript; a refusal names its cause in the words of seed 001.

import { assetUrl } from "../../../http/assets.ts";
import { formatDate } from "../../../shared/format.ts";
import { FileField } from "../../../ui/fields.tsx";
import { ErrorSummary, Flash } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { REVOCATION_UNCHECKED, type SignatureProblem, signatureProblems } from "../signature.problems.ts";
import type { CertificateRow } from "../signatures.repository.ts";
import { PfxFields, SIGNING_SCRIPT } from "./browser-signing.tsx";

export function SignaturesPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  certificates: CertificateRow[];
  problem?: SignatureProblem | undefined;
  flash?: string | undefined;
}) {
  const problem = props.problem ? signatureProblems[props.problem] : undefined;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Электронные подписи">
      <h1>Электронные подписи</h1>
      <Flash message={props.flash} />
      <ErrorSummary errors={problem ? [{ field: "certificate", message: problem.title }] : []} />
      {problem && (
        <section class="card" aria-labelledby="problem-title">
          <h2 id="problem-title">{problem.title}</h2>
          <p>{problem.message}</p>
        </section>
      )}
      <p class="lead">
        Руководитель подписывает решения по заявкам и документы организации квалифицированной электронной
        подписью по ГОСТ Р 34.10-2012. Зарегистрируйте здесь свой сертификат: кабинет проверит срок его
        действия, цепочку до аккредитованного удостоверяющего центра, отзыв и то, что он выдан вам как
        руководителю организации.
      </p>
      <DataTable
        caption="Зарегистрированные сертификаты"
        stacked
        rows={props.certificates}
        rowKey={(row) => row.id}
        empty={<p>Сертификатов пока нет.</p>}
        columns={[
          { label: "Владелец", cell: (row) => row.ownerName },
          { label: "Серийный номер", cell: (row) => <span class="break-word">{row.serialHex}</span> },
          { label: "Издатель", cell: (row) => row.issuerName },
          {
            label: "Действителен",
            cell: (row) => `с ${formatDate(row.notBefore)} до ${formatDate(row.notAfter)}`,
          },
          {
            label: "Состояние",
            cell: (row) =>
              [
                row.active ? "действующий" : "заменён",
                row.revocation === "unchecked" ? REVOCATION_UNCHECKED : "",
              ]
                .filter(Boolean)
                .join("; "),
          },
        ]}
      />
      <section
        class="card"
        id="pfx-registration"
        data-form="certificate-form"
        aria-labelledby="pfx-title"
        hidden
      >
        <h2 id="pfx-title">Зарегистрировать по файлу ключа (.pfx)</h2>
        <p>
          Файл .pfx открывается на этой странице: из него берётся только сертификат. Закрытый ключ и пароль не
          покидают ваш компьютер и на сервер не передаются.
        </p>
        <PfxFields />
        <p class="field__error" id="pfx-registration-error" role="alert" hidden />
        <button type="button" class="button" id="pfx-registration-button">
          Подтвердить
        </button>
      </section>
      <form
        method="post"
        action={`/org/signatures?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="card"
        id="certificate-form"
        novalidate
      >
        <input type="hidden" name="certificateBase64" value="" />
        <h2>Зарегистрировать сертификат</h2>
        <FileField
          name="certificate"
          label="Файл сертификата"
          accept=".cer,.crt,.pem,application/pkix-cert"
          hint="Файл .cer (DER или PEM), выгруженный из программы электронной подписи. Закрытый ключ и пароль к нему на сервер не передаются и не нужны."
          error={problem?.title}
        />
        <button type="submit" class="button">
          Подтвердить
        </button>
      </form>
      <p>
        Если у вас только файл .pfx, а сценарии в браузере отключены, выгрузите из него сертификат (открытую
        часть) в своей программе электронной подписи и загрузите его сюда.
      </p>
      <script type="module" src={assetUrl(SIGNING_SCRIPT)} />
    </CabinetPage>
  );
}
