// The page's signing script (bundled by signing-bundle.ts, runs in the browser only): opens the
// head's .pfx with its password through Web Crypto, signs the decision document with the GOST key
// (256- or 512-bit) and submits the detached CMS in the «Загрузить файл подписи» form. The key and
// the password never leave the page; a wrong password is reported to the cabinet, which counts the
// attempts.
import { signerCertificate, signWithPfx } from "../pfx-signing.ts";
import { Pkcs12PasswordError, readPkcs12 } from "../pkcs12.ts";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

const DAMAGED_PFX =
  "Файл ключа не удалось прочитать: это не файл .pfx с ключом ГОСТ Р 34.10-2012 или он повреждён. Выгрузите ключ из программы электронной подписи ещё раз или воспользуйтесь «Загрузить файл подписи».";

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** «Зарегистрировать по файлу ключа»: only the certificate out of the .pfx goes into the .cer form. */
function startRegistration(): void {
  const section = byId<HTMLElement>("pfx-registration");
  if (!section || !globalThis.crypto?.subtle) return;
  section.hidden = false;
  const form = byId<HTMLFormElement>(section.dataset.form ?? "");
  const fileInput = section.querySelector<HTMLInputElement>('input[type="file"]');
  const passwordInput = section.querySelector<HTMLInputElement>('input[type="password"]');
  const error = byId<HTMLElement>("pfx-registration-error");
  const show = (message: string) => {
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
  };
  byId<HTMLButtonElement>("pfx-registration-button")?.addEventListener("click", async () => {
    if (error) error.hidden = true;
    const file = fileInput?.files?.[0];
    if (!file) return show("Выберите файл ключа (.pfx).");
    if (!passwordInput?.value || !form) return show("Введите пароль к файлу ключа.");
    try {
      const opened = await readPkcs12(new Uint8Array(await file.arrayBuffer()), passwordInput.value);
      const certificate = signerCertificate(opened.certificates);
      if (!certificate) return show(DAMAGED_PFX);
      const target = form.querySelector<HTMLInputElement>('input[name="certificateBase64"]');
      if (!target) return;
      target.value = base64Of(certificate.der);
      passwordInput.value = "";
      form.submit();
    } catch (failure) {
      show(
        failure instanceof Pkcs12PasswordError
          ? "Пароль к файлу .pfx не подошёл. Проверьте раскладку клавиатуры и Caps Lock и попробуйте снова."
          : DAMAGED_PFX,
      );
    }
  });
}

function start(): void {
  const section = byId<HTMLElement>("browser-signing");
  const unavailable = byId<HTMLElement>("browser-signing-unavailable");
  if (!section) return;
  if (!globalThis.crypto?.subtle || typeof BigInt !== "function") return; // the notice stays
  section.hidden = false;
  if (unavailable) unavailable.hidden = true;
  const button = byId<HTMLButtonElement>("browser-signing-button");
  const error = byId<HTMLElement>("browser-signing-error");
  const fileInput = section.querySelector<HTMLInputElement>('input[type="file"]');
  const passwordInput = section.querySelector<HTMLInputElement>('input[type="password"]');
  const form = byId<HTMLFormElement>(section.dataset.form ?? "");
  // A large document is fetched when signing rather than carried in the page.
  const content = async (): Promise<Uint8Array> => {
    const url = section.dataset.contentUrl;
    if (!url) return Uint8Array.from(atob(section.dataset.content ?? ""), (c) => c.charCodeAt(0));
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`document answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const show = (message: string) => {
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
  };
  button?.addEventListener("click", async () => {
    if (error) error.hidden = true;
    const file = fileInput?.files?.[0];
    if (!file) return show("Выберите файл ключа (.pfx).");
    if (!passwordInput?.value) return show("Введите пароль к файлу ключа.");
    if (!form) return;
    button.disabled = true;
    try {
      const cms = await signWithPfx({
        pfx: new Uint8Array(await file.arrayBuffer()),
        password: passwordInput.value,
        content,
        signingTime: new Date(),
      });
      const target = form.querySelector<HTMLInputElement>("[data-signature-target]");
      if (!target) return;
      target.value = base64Of(cms);
      passwordInput.value = "";
      form.submit();
    } catch (failure) {
      button.disabled = false;
      if (failure instanceof Pkcs12PasswordError) {
        passwordInput.value = "";
        const answer = await reportWrongPassword(section);
        if (answer.locked) {
          window.location.reload();
          return;
        }
        return show(answer.message);
      }
      show(DAMAGED_PFX);
    }
  });
}

async function reportWrongPassword(section: HTMLElement): Promise<{ message: string; locked: boolean }> {
  try {
    const response = await fetch(section.dataset.failureUrl ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ _csrf: section.dataset.csrf ?? "" }).toString(),
      credentials: "same-origin",
    });
    return (await response.json()) as { message: string; locked: boolean };
  } catch {
    return { message: "Пароль к файлу ключа не подошёл.", locked: false };
  }
}

start();
startRegistration();
