// «Онлайн-чат» of a support request: fetches the lines after the last one shown and adds them to the
// log, so that new messages appear without reloading. Without JavaScript the page works by refreshing.
(() => {
  const log = document.getElementById("chat-log");
  if (!log?.dataset.feed || !window.fetch) return;
  let last = Number(log.dataset.last || "0");
  const poll = async () => {
    try {
      const response = await fetch(`${log.dataset.feed}?after=${last}`, {
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const data = await response.json();
      for (const line of data.lines) {
        if (line.id <= last) continue;
        const item = document.createElement("li");
        item.className = `chat-log__line chat-log__line--${line.author}`;
        const meta = document.createElement("span");
        meta.className = "muted";
        const mine = log.closest("[data-operator]") ? line.author === "operator" : line.author === "sender";
        meta.textContent = `${mine ? "Вы" : line.author === "sender" ? "Отправитель" : "Оператор"}, ${line.at}: `;
        item.append(meta, document.createTextNode(line.text));
        log.append(item);
        last = line.id;
      }
      const empty = document.getElementById("chat-empty");
      if (empty && last > 0) empty.remove();
    } catch {
      // A failed poll is retried on the next tick.
    }
  };
  setInterval(poll, 3000);
})();
