// The page frame: header with the product and the signed-in person, navigation, footer.
import type { ComponentChildren } from "preact";
import { assetUrl } from "../http/assets.ts";
import type { SessionContext } from "../http/session.ts";
import { formatDateTime } from "../shared/format.ts";
import { IncidentBanner, type IncidentNotice } from "./incident-banner.tsx";

export interface Viewer {
  id: string;
  fullName: string;
  previousLoginAt: Date | null;
  context: SessionContext | undefined;
  /** Shown next to the name when acting for an organization. */
  organizationName?: string;
  /** Unread notices, shown in the menu next to «Уведомления» (counted up to 100). */
  unreadNotices?: number;
}

export interface PageContext {
  viewer: Viewer | undefined;
  csrfToken: string;
  path: string;
  support: { phone: string; email: string; hours: string };
  standin: boolean;
  /** Operators' messages active now (planned works, outages), shown under the header. */
  incidents?: readonly IncidentNotice[];
}

export interface NavItem {
  href: string;
  label: string;
  /** The item leads to the notices: it carries the count of unread ones. */
  notices?: boolean;
}

/** The home page of whom the person acts as: the worker's, the organization's or the commission's cabinet. */
export function homeOf(viewer: Viewer | undefined): string {
  if (!viewer) return "/";
  const kind = viewer.context?.kind;
  if (kind === "support") return "/support-desk";
  return kind === "organization" ? "/org" : kind === "commission" ? "/review" : "/lk";
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  nav?: readonly NavItem[];
  /** Reloads the page after this many seconds (progress pages; no script needed). */
  refreshSeconds?: number;
  /** Goes to `url` after `seconds` (a small script; without it nothing happens). */
  goTo?: { seconds: number; url: string };
  children: ComponentChildren;
}

/** A signed-in page left alone this long opens the idle warning, before the 30-minute timeout. */
export const IDLE_WARNING_AFTER_SECONDS = 25 * 60;

/** Where the page goes by itself: its own target, or for a signed-in person the idle warning. */
function goToOf(ctx: PageContext, goTo: LayoutProps["goTo"]) {
  if (goTo) return goTo;
  if (!ctx.viewer) return undefined;
  return {
    seconds: IDLE_WARNING_AFTER_SECONDS,
    url: `/session/idle?back=${encodeURIComponent(ctx.path)}`,
  };
}

export function Layout({ ctx, title, nav, refreshSeconds, goTo, children }: LayoutProps) {
  const timer = goToOf(ctx, goTo);
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ФРМР`}</title>
        {refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
        {timer && (
          <script
            src={assetUrl("idle-warning.js")}
            data-after={String(timer.seconds)}
            data-to={timer.url}
            defer
          />
        )}
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Перейти к содержанию
        </a>
        <Header ctx={ctx} />
        <IncidentBanner incidents={ctx.incidents} />
        {nav && nav.length > 0 && (
          <Navigation items={nav} path={ctx.path} unread={ctx.viewer?.unreadNotices ?? 0} />
        )}
        <main id="main" class="page" tabIndex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  const viewer = ctx.viewer;
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="brand" href={homeOf(viewer)}>
          <span class="brand__mark" aria-hidden="true">
            Ф
          </span>
          <span class="brand__text">
            <span class="brand__name">ФРМР</span>
            <span class="brand__sub">личный кабинет</span>
          </span>
        </a>
        {viewer && (
          <div class="account">
            <p class="account__name">
              {viewer.fullName}
              {viewer.organizationName && <span class="account__org">{viewer.organizationName}</span>}
            </p>
            <p class="account__last">
              Предыдущий вход:{" "}
              {viewer.previousLoginAt ? formatDateTime(viewer.previousLoginAt) : "это первый вход"}
            </p>
            <form method="post" action="/auth/logout" class="account__logout">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit" class="button button--link">
                Выйти
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}

function Navigation({ items, path, unread }: { items: readonly NavItem[]; path: string; unread: number }) {
  // A cabinet's home is current on itself only, not on every page below it; of sections nested in
  // one another (the support desk and its API clients) the closest one is current.
  const covers = (item: NavItem) => {
    const home = item.href === "/lk" || item.href === "/org";
    return path === item.href || (!home && path.startsWith(`${item.href}/`));
  };
  const closest = items.filter(covers).sort((a, b) => b.href.length - a.href.length)[0];
  const links = (linkClass: string) =>
    items.map((item) => {
      const current = item === closest;
      return (
        <li key={item.href}>
          <a href={item.href} class={linkClass} aria-current={current ? "page" : undefined}>
            {item.label}
            {item.notices && unread > 0 && <UnreadCount count={unread} />}
          </a>
        </li>
      );
    });
  // On a phone a long menu would fill the first screen: there it folds into a disclosure that works
  // without script; the wide list is the same links, and CSS shows one of the two.
  return (
    <nav class="site-nav" aria-label="Разделы кабинета">
      <ul class="site-nav__list site-nav__wide">{links("site-nav__link")}</ul>
      <details class="site-nav__narrow">
        <summary class="site-nav__toggle">
          Меню{closest ? <span class="site-nav__current">: {closest.label}</span> : null}
        </summary>
        <ul class="site-nav__list">{links("site-nav__link site-nav__link--narrow")}</ul>
      </details>
    </nav>
  );
}

/** «3» in a badge, read out as «Уведомления, новых: 3». */
function UnreadCount({ count }: { count: number }) {
  const shown = count > 99 ? "99+" : String(count);
  return (
    <>
      <span class="visually-hidden">, новых: {shown}</span>
      <span class="nav-count" aria-hidden="true">
        {shown}
      </span>
    </>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const phoneHref = `tel:${ctx.support.phone.replace(/[^\d+]/g, "")}`;
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <div>
          <p class="site-footer__title">Служба поддержки</p>
          <p>
            <a href={phoneHref}>{ctx.support.phone}</a>,{" "}
            <a href={`mailto:${ctx.support.email}`}>{ctx.support.email}</a>
          </p>
          <p>{ctx.support.hours}</p>
        </div>
        <ul class="site-footer__links">
          <li>
            <a href="/status">Состояние сервиса</a>
          </li>
          <li>
            <a href="/help">Помощь</a>
          </li>
          <li>
            <a href="/support/new">Написать в поддержку</a>
          </li>
        </ul>
        {ctx.standin && (
          <p class="site-footer__note">
            Учебная установка: вход выполняется через тестовый стенд ЕСИА, данные вымышленные.
          </p>
        )}
      </div>
    </footer>
  );
}
