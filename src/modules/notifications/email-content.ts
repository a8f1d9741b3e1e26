// The letter itself (W13): a Russian subject, the text as written by the notifying module, a
// footer saying why it came and where to turn it off, and the same as simple HTML. The settings
// link doubles as the List-Unsubscribe target, which mail clients show as «Отписаться».

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** The page of notification settings, also given as List-Unsubscribe. */
  unsubscribeUrl: string;
}

const DEFAULT_SUBJECT = "Уведомление личного кабинета ФРМР";

export function composeEmail(
  message: { subject: string | null; body: string },
  publicUrl: string,
): EmailContent {
  const unsubscribeUrl = `${publicUrl}/lk/settings`;
  const subject = message.subject?.trim() || DEFAULT_SUBJECT;
  const footer =
    "Вы получили это письмо, потому что в личном кабинете ФРМР включены уведомления по электронной почте. " +
    `Изменить или отключить их можно в настройках: ${unsubscribeUrl}`;
  const text = `Здравствуйте!\n\n${message.body.trim()}\n\n—\n${footer}\n`;
  const paragraphs = [`Здравствуйте!`, ...message.body.trim().split(/\n{2,}/)]
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const html = [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a">',
    paragraphs,
    `<hr><p style="font-size: 13px; color: #555">${linkify(escapeHtml(footer))}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html, unsubscribeUrl };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Turns the (already escaped) http(s) addresses of our texts into links. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}
