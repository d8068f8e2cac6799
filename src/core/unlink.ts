// Text a chat client must show as typed, never as a link: a URL, a bare domain or an address in an echoed
// question (or anywhere else in a card) is broken with invisible zero-width spaces where linkifiers look.
// Both platform renderers run every card text through this before their own escaping.

const ZWSP = "\u200b";

/** "scheme://" (http, https, ftp, discord…), "www.", and a dot before two letters ("evil.example", "a@b.com"), never a figure's ("4.6"). */
const WWW = /\bwww\./giu;
const DOMAIN_DOT = /(?<=[\p{L}\p{N}_-])\.(?=\p{L}{2})/gu;

/** The text as it reads, with nothing in it a client turns into a link. */
export function unlink(text: string): string {
  return (
    text
      // Every "://", whatever the scheme: a linear scan, where a pattern for the scheme before it would
      // backtrack over long runs of letters.
      .replaceAll("://", `:${ZWSP}//`)
      .replace(WWW, (m) => `${m.slice(0, 3)}${ZWSP}.`)
      .replace(DOMAIN_DOT, `.${ZWSP}`)
  );
}
