// Opens the idle warning a few minutes before the session times out (DESIGN: idle timeout 30
// minutes), and from the warning returns to the page once the session has ended. Without script
// the session simply expires and the next page says so; a meta refresh would take the timing out of
// the person's hands (WCAG 2.2.1).
(() => {
  const script = document.currentScript;
  const seconds = Number(script?.dataset.after);
  const target = script?.dataset.to;
  if (!seconds || !target?.startsWith("/")) return;
  setTimeout(() => window.location.assign(target), seconds * 1000);
})();
