// The stand-in's page frame. It must never be mistaken for Госуслуги: the title, the banner and
// the colours say "test stand" on every page.
import type { ComponentChildren, VNode } from "preact";
import { render } from "preact-render-to-string";

export interface PageProps {
  title: string;
  children: ComponentChildren;
  /** Name of the logged-in person, to show who the stand-in thinks you are. */
  signedInAs?: string;
}

export function Page({ title, children, signedInAs }: PageProps) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} — Тестовый стенд ЕСИА`}</title>
        <link rel="stylesheet" href="/assets/standin.css" />
      </head>
      <body>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              Тестовый стенд ЕСИА
            </a>
            {signedInAs ? <span class="who">Вы вошли как {signedInAs}</span> : null}
          </div>
        </header>
        <div class="banner" role="note">
          <div class="wrap">
            Это тестовый стенд для разработки и демонстраций, а не Госуслуги. Все люди и организации на нём
            вымышлены. Не вводите здесь настоящие логин и пароль.
          </div>
        </div>
        <main class="wrap" id="content">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <a href="/">О стенде и тестовые учётные записи</a> ·{" "}
            <a href="/outbox">Отправленные SMS и письма</a> ·{" "}
            <a href="/settings/security">Настройки безопасности</a>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
