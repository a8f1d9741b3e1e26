// Signing the head's decision on a report (O7, O12): the decision is taken only once the signature
// of its document is verified. Two ways to the same form: sign the downloaded document in one's own
// КЭП program and upload the .sig, or sign in the browser with the registered .pfx.
import { PostForm } from "../../../ui/actions.tsx";
import { ErrorSummary } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { type SignatureProblem, signatureProblems } from "../../signatures/signature.problems.ts";
import { BrowserSigning, NoCertificateNotice } from "../../signatures/views/browser-signing.tsx";
import { SignatureProblemCard, SignatureUploadForm } from "../../signatures/views/signing.tsx";
import type { ApprovalDecision } from "../approval-decision.ts";

export function SignDecisionPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  application: { id: string; number: number };
  decision: ApprovalDecision;
  reason: string | null;
  at: string;
  document: Uint8Array;
  hasCertificate: boolean;
  problem?: SignatureProblem | undefined;
  stale?: boolean;
  locked?: boolean;
}) {
  const { ctx, application } = props;
  const base = `/org/approvals/${application.id}`;
  const hidden = { decision: props.decision, reason: props.reason ?? "", at: props.at };
  const title =
    props.decision === "agree" ? "Подписание согласования отчёта" : "Подписание отказа в согласовании";
  const staleMessage =
    "Документ решения устарел: он составлен больше суток назад. Скачайте новый документ ниже и подпишите его.";
  const errors = props.problem
    ? [{ field: "signature", message: signatureProblems[props.problem].title }]
    : props.stale
      ? [{ field: "signature", message: staleMessage }]
      : [];
  return (
    <CabinetPage ctx={ctx} actor={props.actor} title={`${title} — заявка № ${application.number}`}>
      <p>
        <a href={base}>← Заявка № {application.number}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <SignatureProblemCard problem={props.problem} />
      <p class="lead">
        Решение будет принято, только когда вы подпишете его квалифицированной электронной подписью.
        Подписывается документ решения: в нём номер заявки, ваше решение, время и контрольная сумма файла
        отчёта.
      </p>
      <NoCertificateNotice hasCertificate={props.hasCertificate} />
      <section class="card" aria-labelledby="document-title">
        <h2 id="document-title">Документ решения</h2>
        <pre class="signed-document break-word">{new TextDecoder().decode(props.document)}</pre>
        <PostForm action={`${base}/decision-document`} csrfToken={ctx.csrfToken} hidden={hidden}>
          <button type="submit" class="button button--secondary">
            Скачать документ решения (.txt)
          </button>
        </PostForm>
      </section>
      <BrowserSigning
        formId="signature-upload"
        content={props.document}
        csrfToken={ctx.csrfToken}
        locked={props.locked ?? false}
      />
      <section aria-labelledby="file-way-title">
        <h2 id="file-way-title">Подписать в своей программе электронной подписи</h2>
        <ol>
          <li>Скачайте документ решения.</li>
          <li>
            Подпишите его откреплённой подписью (.sig или .p7s) в КриптоАРМ, КриптоПро или другой программе
            электронной подписи тем сертификатом, который зарегистрирован в разделе «Электронные подписи».
          </li>
          <li>Загрузите файл подписи: кабинет проверит её и примет решение.</li>
        </ol>
        <SignatureUploadForm
          action={`${base}/decision`}
          csrfToken={ctx.csrfToken}
          hidden={hidden}
          problem={props.problem}
          submitLabel="Проверить подпись и принять решение"
        />
      </section>
    </CabinetPage>
  );
}
