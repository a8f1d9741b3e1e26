import type { WorkerNotice } from "./worker-notices.view.ts";

export function WorkerNotices({ notices }: { notices: readonly WorkerNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">Важное</h2>
      {notices.map((notice) => (
        <p class={notice.tone === "warning" ? "notice" : "flash"} key={notice.text}>
          {notice.text}
          {notice.link && (
            <>
              {" "}
              <a href={notice.link.href}>{notice.link.label}</a>
            </>
          )}
        </p>
      ))}
    </section>
  );
}
