// Pieces every signed item shares (O12): the line «Подписано ЭП: …» with the signature file to
// download, the problem card of a refused signature, and the «Загрузить файл подписи» form that
// works without JavaScript (the browser's signing script fills the same form).
import { formatDate } from "../../../shared/format.ts";
import { PostForm } from "../../../ui/actions.tsx";
import { FileField } from "../../../ui/fields.tsx";
import { REVOCATION_UNCHECKED, type SignatureProblem, signatureProblems } from "../signature.problems.ts";
import type { SignatureRow } from "../signatures.repository.ts";

/** «Подписано ЭП: ФИО, серийный номер …, действителен до …», with the .sig (and signed bytes) to download. */
export function SignatureLine(props: {
  signature: SignatureRow;
  prefix?: string;
  /** Where `/sig` and `/document` of this signature are served; no links without it. */
  downloadBase?: string | undefined;
}) {
  const { signature } = props;
  return (
    <div class="signature-line">
      <p>
        <strong>{props.prefix ?? "Подписано ЭП"}:</strong> {signature.signerName}, серийный номер{" "}
        <span class="break-word">{signature.serialHex}</span>, действителен до{" "}
        {formatDate(signature.certificateNotAfter)}
        {signature.revocation === "unchecked" && <> ({REVOCATION_UNCHECKED})</>}. Подписано{" "}
        {formatDate(signature.signingTime)}, издатель сертификата: {signature.issuerName}.
      </p>
      {props.downloadBase && (
        <p class="actions">
          <a href={`${props.downloadBase}/sig`} download>
            Скачать файл подписи (.sig)
          </a>
          {signature.signedContent !== null && (
            <a href={`${props.downloadBase}/document`} download>
              Скачать подписанный документ
            </a>
          )}
        </p>
      )}
    </div>
  );
}

export function SignatureProblemCard({ problem }: { problem: SignatureProblem | undefined }) {
  if (!problem) return null;
  const text = signatureProblems[problem];
  return (
    <section class="card notice" aria-labelledby="signature-problem-title" role="alert">
      <h2 id="signature-problem-title">{text.title}</h2>
      <p>{text.message}</p>
    </section>
  );
}

/**
 * «Загрузить файл подписи»: a detached .sig/.p7s made by any КЭП tool. `hidden` carries what the
 * signed bytes are rebuilt from; the browser's script submits this very form with its own signature.
 */
export function SignatureUploadForm(props: {
  action: string;
  csrfToken: string;
  hidden: Record<string, string>;
  problem?: SignatureProblem | undefined;
  submitLabel: string;
}) {
  return (
    <PostForm
      action={props.action}
      csrfToken={props.csrfToken}
      multipart
      hidden={props.hidden}
      id="signature-upload"
      class="card"
    >
      <h3>Загрузить файл подписи</h3>
      <FileField
        name="signature"
        label="Файл подписи"
        accept=".sig,.p7s,.sgn,application/pkcs7-signature"
        hint="Откреплённая подпись (.sig или .p7s) по ГОСТ Р 34.10-2012, сделанная в КриптоАРМ, КриптоПро (csptest), OpenSSL с модулем ГОСТ или другой программе электронной подписи."
        error={props.problem ? signatureProblems[props.problem].title : undefined}
      />
      <input type="hidden" name="signatureBase64" value="" data-signature-target />
      <button type="submit" class="button">
        {props.submitLabel}
      </button>
    </PostForm>
  );
}
