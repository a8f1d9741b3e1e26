// «Подписать в браузере» (O12): the registered .pfx is opened by a script on the page with its
// password; the key and the password stay in the browser, only the detached signature is sent, in the
// same form as the «Загрузить файл подписи» way. The block is hidden until the script shows it, so
// without scripts (or without Web Crypto) the person reads why and is pointed to the .sig way.
import { assetUrl } from "../../../http/assets.ts";
import { FileField } from "../../../ui/fields.tsx";
import { FieldShell } from "../../../ui/form.tsx";
import { signatureProblems } from "../signature.problems.ts";

export const SIGNING_SCRIPT = "signing.js";

export function BrowserSigning(props: {
  /** The id of the signature upload form the script fills and submits. */
  formId: string;
  /** The exact bytes to sign, inline (a small decision document), or where the page fetches them. */
  content: Uint8Array | { url: string };
  csrfToken: string;
  locked?: boolean;
  /** The button's words: what signing does on this page. */
  submitLabel?: string;
}) {
  const noClient = signatureProblems.NO_CLIENT;
  if (props.locked) return null;
  return (
    <>
      <section
        class="card"
        aria-labelledby="browser-way-title"
        id="browser-signing"
        data-form={props.formId}
        data-content={
          props.content instanceof Uint8Array ? Buffer.from(props.content).toString("base64") : undefined
        }
        data-content-url={props.content instanceof Uint8Array ? undefined : props.content.url}
        data-failure-url="/org/signatures/password-failure"
        data-csrf={props.csrfToken}
        hidden
      >
        <h2 id="browser-way-title">Подписать в браузере</h2>
        <p>
          Выберите файл ключа (.pfx) того сертификата, который зарегистрирован в разделе «Электронные
          подписи», и введите пароль к нему. Файл и пароль не покидают ваш компьютер: подпись создаётся на
          этой странице, в кабинет отправляется только она.
        </p>
        <PfxFields />
        <p class="field__error" id="browser-signing-error" role="alert" hidden />
        <button type="button" class="button" id="browser-signing-button">
          {props.submitLabel ?? "Подписать и принять решение"}
        </button>
      </section>
      <section class="card notice" id="browser-signing-unavailable" aria-labelledby="no-client-title">
        <h2 id="no-client-title">{noClient.title}</h2>
        <p>{noClient.message}</p>
      </section>
      <script type="module" src={assetUrl(SIGNING_SCRIPT)} />
    </>
  );
}

/** The .pfx file and its password, read only by the page's script: neither is ever sent. */
export function PfxFields() {
  return (
    <>
      <FileField name="pfx" label="Файл ключа (.pfx)" accept=".pfx,.p12,application/x-pkcs12" />
      <FieldShell name="pfx-password" label="Пароль к файлу ключа">
        {(control) => <input {...control} type="password" autoComplete="off" />}
      </FieldShell>
    </>
  );
}

/** Signing needs an active registered certificate: without one, where to register it. */
export function NoCertificateNotice(props: { hasCertificate: boolean }) {
  if (props.hasCertificate) return null;
  return (
    <p class="notice">
      У вас нет действующего зарегистрированного сертификата. Сначала зарегистрируйте его в разделе{" "}
      <a href="/org/signatures">«Электронные подписи»</a>.
    </p>
  );
}
