// W19: which browsers the cabinet supports, judged by the User-Agent. The minimums are the versions
// still receiving security updates on the systems people use at work (Chrome 109 is the last one
// for Windows 7; Firefox 115 is the extended-support release; Safari 15 came with macOS 12 / iOS 15).
// Anything unrecognised is let through: a wrong warning is worse than none.

export const supportedBrowsers = [
  "Яндекс Браузер, Google Chrome, Microsoft Edge или Opera версии 109 и новее",
  "Mozilla Firefox версии 115 и новее",
  "Safari версии 15 и новее (macOS, iPhone, iPad)",
] as const;

export interface BrowserVerdict {
  supported: boolean;
  /** The browser as a person would name it, when it is not supported. */
  name?: string;
}

const minimum = { chromium: 109, firefox: 115, safari: 15 };

const major = (userAgent: string, pattern: RegExp): number | undefined => {
  const found = pattern.exec(userAgent)?.[1];
  return found === undefined ? undefined : Number(found);
};

export function checkBrowser(userAgent: string | undefined): BrowserVerdict {
  const ua = userAgent ?? "";
  if (/MSIE \d|Trident\//.test(ua)) return { supported: false, name: "Internet Explorer" };
  const legacyEdge = major(ua, /Edge\/(\d+)/);
  if (legacyEdge !== undefined) return { supported: false, name: `Microsoft Edge ${legacyEdge}` };
  const firefox = major(ua, /Firefox\/(\d+)/);
  if (firefox !== undefined)
    return firefox < minimum.firefox
      ? { supported: false, name: `Mozilla Firefox ${firefox}` }
      : { supported: true };
  const chromium = major(ua, /Chrome\/(\d+)/);
  if (chromium !== undefined)
    return chromium < minimum.chromium
      ? { supported: false, name: `браузер на основе Chromium ${chromium}` }
      : { supported: true };
  const safari = /Safari\//.test(ua) ? major(ua, /Version\/(\d+)/) : undefined;
  if (safari !== undefined && safari < minimum.safari) return { supported: false, name: `Safari ${safari}` };
  return { supported: true };
}
