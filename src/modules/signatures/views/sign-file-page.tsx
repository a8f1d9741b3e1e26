// The head's page to sign a stored file (an organization document, a power of attorney): in the
// browser with the .pfx, or by uploading a detached signature made in their own program.
import type { ComponentChildren } from "preact";
import { ErrorSummary } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { type SignatureProblem, signatureProblems } from "../signature.problems.ts";
import { BrowserSigning, NoCertificateNotice } from "./browser-signing.tsx";
import { SignatureProblemCard, SignatureUploadForm } from "./signing.tsx";

export interface SigningState {
  hasCertificate: boolean;
  locked: boolean;
  problem?: SignatureProblem | undefined;
}

export function SignFilePage(
  props: SigningState & {
    ctx: PageContext;
    actor: CabinetActor;
    title: string;
    heading: string;
    back: { href: string; label: string };
    /** What is signed, in a sentence. */
    lead: ComponentChildren;
    fileUrl: string;
    action: string;
    submitLabel: string;
  },
) {
  const { ctx } = props;
  return (
    <CabinetPage ctx={ctx} actor={props.actor} title={props.title}>
      <p>
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <h1>{props.heading}</h1>
      <ErrorSummary
        errors={
          props.problem ? [{ field: "signature", message: signatureProblems[props.problem].title }] : []
        }
      />
      <SignatureProblemCard problem={props.problem} />
      <p class="lead">
        {props.lead} <a href={props.fileUrl}>Скачать файл</a>
      </p>
      <NoCertificateNotice hasCertificate={props.hasCertificate} />
      <BrowserSigning
        formId="signature-upload"
        content={{ url: props.fileUrl }}
        csrfToken={ctx.csrfToken}
        locked={props.locked}
        submitLabel={props.submitLabel}
      />
      <section aria-labelledby="file-way-title">
        <h2 id="file-way-title">Подписать в своей программе электронной подписи</h2>
        <p>
          Скачайте файл, подпишите его откреплённой подписью (.sig или .p7s) сертификатом, зарегистрированным
          в разделе «Электронные подписи», и загрузите файл подписи.
        </p>
        <SignatureUploadForm
          action={props.action}
          csrfToken={ctx.csrfToken}
          hidden={{}}
          problem={props.problem}
          submitLabel="Проверить и сохранить подпись"
        />
      </section>
    </CabinetPage>
  );
}
