// Addresses at these domains belong to people, not to their employer: they never make a
// company. A short list of the big providers; a missing one only means a company named
// after a mail provider, which staff can see for what it is.
export const freeMailDomains: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "rocketmail.com",
  "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "outlook.com", "live.com", "msn.com", "windowslive.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "freenet.de",
  "proton.me", "protonmail.com", "pm.me", "tutanota.com", "tuta.io", "fastmail.com", "hey.com", "zoho.com", "mail.com",
  "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "naver.com", "orange.fr", "free.fr",
  "laposte.net", "libero.it", "virgilio.it", "btinternet.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
]);
