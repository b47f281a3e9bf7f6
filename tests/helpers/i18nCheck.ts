import type { Page } from 'playwright-core';
import { METHODS, type Locale } from '@casusbord/shared';
import { en } from '../../client/src/i18n/en';
import { nl } from '../../client/src/i18n/nl';
import { textsFor } from '../../server/src/export/texts';

/**
 * A machine check that a page speaks one language: every fixed string of the dictionaries (the
 * client's, the report's and the methods' round titles and instructions) is turned into
 * "needles" — whole strings, and for message functions the literal pieces between their
 * arguments — and a page in one language may show no needle of the other. A needle that also
 * occurs in the other language's strings (`Casusbord`, `PDF`, `Start`) cannot tell the
 * languages apart and is dropped.
 */

const MARK = '\u0007';

function piecesOf(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    out.add(value);
    return;
  }
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // Twice: arguments as a marker text (the plural branches), and as 1 (the singular ones).
    for (const arg of [MARK, 1]) {
      let result: unknown;
      try {
        result = fn(...Array.from({ length: Math.max(fn.length, 1) }, () => arg));
      } catch {
        continue;
      }
      if (typeof result !== 'string') continue;
      const parts = arg === MARK ? result.split(MARK) : result.split(/\b1\b/);
      for (const part of parts) out.add(part);
    }
    return;
  }
  if (value && typeof value === 'object') for (const v of Object.values(value)) piecesOf(v, out);
}

function clean(pieces: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const raw of pieces) {
    for (const line of raw.split('\n')) {
      const piece = line.replace(/\s+/g, ' ').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      // At least two letters in a row; a lone "of"/"en" fragment is no evidence of a language.
      const letters = piece.replace(/[^\p{L}]/gu, '');
      if (letters.length >= 3 || (letters.length >= 2 && piece === raw.trim())) out.add(piece);
    }
  }
  return out;
}

function dictionaryOf(locale: Locale): Set<string> {
  const pieces = new Set<string>();
  piecesOf(locale === 'nl' ? nl : en, pieces);
  piecesOf(textsFor(locale), pieces);
  for (const method of Object.values(METHODS)) {
    piecesOf(method.title[locale], pieces);
    piecesOf(method.description[locale], pieces);
    for (const round of method.rounds) {
      piecesOf(round.title[locale], pieces);
      piecesOf(round.instruction[locale], pieces);
    }
  }
  return clean(pieces);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `needle` stands as whole words in `text`. */
function wordMatch(needle: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'u');
}

const needles = new Map<Locale, string[]>();

/**
 * The strings that only the `locale` dictionary has: seeing one means that language is on screen.
 * Worked out once per locale (every needle is a regular expression run over the other whole
 * dictionary, and a page check asks for them several times).
 */
export function needlesOnlyIn(locale: Locale): string[] {
  const known = needles.get(locale);
  if (known) return known;
  const mine = dictionaryOf(locale);
  const other = [...dictionaryOf(locale === 'nl' ? 'en' : 'nl')].join('\n');
  const only = [...mine].filter((needle) => !wordMatch(needle).test(other));
  needles.set(locale, only);
  return only;
}

/**
 * Every string a person sees or hears on the page now: visible text nodes, and the aria-label,
 * title, placeholder, alt and value of visible controls. Left out: what people wrote (`userTexts`,
 * and elements marked `.user`) and elements that declare another language with `lang` (the
 * language switch names the other language in that language, on purpose).
 */
export async function shownStrings(page: Page, userTexts: string[]): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const docLang = document.documentElement.lang.slice(0, 2);
    const out: string[] = [];
    const visible = (el: Element) => {
      if (el.closest('[aria-hidden="true"]') && !el.closest('.visually-hidden')) return false;
      const lang = el.closest('[lang]')?.getAttribute('lang')?.slice(0, 2);
      if (lang && lang !== docLang) return false;
      if (el.closest('.user, textarea, script, style')) return false;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      return el.getClientRects().length > 0 || !!el.closest('.visually-hidden, option');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && node.parentElement && visible(node.parentElement)) out.push(text);
    }
    for (const el of Array.from(
      document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type="submit"]'),
    )) {
      if (!visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    out.push(document.title);
    return out;
  });
  return shown.map((text) => userTexts.reduce((t, user) => t.split(user).join(' '), text)).filter((t) => t.trim());
}

/** The needles of `wrong` (a locale) found in what the page shows, each with the string it was found in. */
export async function otherLanguageOnPage(page: Page, wrong: Locale, userTexts: string[]): Promise<string[]> {
  const shown = await shownStrings(page, userTexts);
  const needles = needlesOnlyIn(wrong);
  const found: string[] = [];
  for (const needle of needles) {
    const re = wordMatch(needle);
    const hit = shown.find((text) => re.test(text));
    if (hit) found.push(`${JSON.stringify(needle)} in ${JSON.stringify(hit)}`);
  }
  return found;
}
