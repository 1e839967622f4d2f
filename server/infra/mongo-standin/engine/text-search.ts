import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * `$text` as mongod's text index version 3 answers it: words folded for case and diacritics,
 * stop words dropped, stems compared, scores from mongod's formula. The stemmers are light
 * suffix strippers for English and Spanish (mongod uses Snowball), so a few words stem
 * differently from mongod; other languages are accepted and neither stemmed nor stop-worded.
 */

/** mongod's text languages, by name and ISO code, mapped to one name. */
const LANGUAGES: Record<string, string> = {
  none: 'none',
  ...Object.fromEntries(
    [
      ['danish', 'da'],
      ['dutch', 'nl'],
      ['english', 'en'],
      ['finnish', 'fi'],
      ['french', 'fr'],
      ['german', 'de'],
      ['hungarian', 'hu'],
      ['italian', 'it'],
      ['norwegian', 'nb'],
      ['portuguese', 'pt'],
      ['romanian', 'ro'],
      ['russian', 'ru'],
      ['spanish', 'es'],
      ['swedish', 'sv'],
      ['turkish', 'tr'],
    ].flatMap(([name, code]) => [
      [name as string, name as string],
      [code as string, name as string],
    ]),
  ),
};

export function textLanguage(raw: unknown): string | null {
  return typeof raw === 'string' ? (LANGUAGES[raw.toLowerCase()] ?? null) : null;
}

export function requireLanguage(raw: unknown): string {
  const lang = textLanguage(raw);
  if (!lang) {
    throw new CommandError(
      Codes.BadValue,
      `unsupported language: "${String(raw)}" for text index version 3`,
    );
  }
  return lang;
}

const STOP_WORDS: Record<string, Set<string>> = {
  english: new Set(
    `a about above after again against all am an and any are as at be because been before being
    below between both but by can did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with you your yours yourself yourselves`.split(/\s+/),
  ),
  spanish: new Set(
    `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e
    el ella ellas ellos en entre era eres es esa esas ese eso esos esta estas este esto estos fue
    ha hay la las le les lo los mas me mi mis mucho muy nada ni no nos nosotros o os otra otros para
    pero poco por porque que quien se sea ser si sin sobre son su sus tambien te tiene todo tu tus
    un una uno unos y ya yo`.split(/\s+/),
  ),
};

const VOWEL = /[aeiouy]/;

/** Porter2's steps 1a-1c (plurals, -ed, -ing, final y): the bulk of what Snowball folds. */
function stemEnglish(w: string): string {
  if (w.length <= 2) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ied') || w.endsWith('ies')) w = w.slice(0, w.length > 4 ? -2 : -1);
  else if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss')) {
    if (VOWEL.test(w.slice(0, -2))) w = w.slice(0, -1);
  }
  if (w.endsWith('eed') || w.endsWith('eedly')) {
    if (w.length > 5) w = w.slice(0, w.lastIndexOf('eed') + 2);
  } else {
    const m = w.match(/(ingly|edly|ing|ed)$/);
    if (m && VOWEL.test(w.slice(0, -m[0].length))) {
      w = w.slice(0, -m[0].length);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.length > 2 && /[^aeiouy][yY]$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Plurals and the final vowel of gender/number endings (gato, gata, gatos: gat). */
function stemSpanish(w: string): string {
  if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 3 && /[aoe]$/.test(w)) w = w.slice(0, -1);
  return w;
}

const STEMMERS: Record<string, (w: string) => string> = {
  english: stemEnglish,
  spanish: stemSpanish,
};

export interface Folding {
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

export function fold(text: string, f: Folding): string {
  let s = f.diacriticSensitive
    ? text.normalize('NFC')
    : text.normalize('NFD').replace(/\p{M}/gu, '');
  if (!f.caseSensitive) s = s.toLowerCase();
  return s;
}

/** The index terms of a text: folded words minus stop words, stemmed. */
export function terms(text: string, language: string, f: Folding): string[] {
  const stops = STOP_WORDS[language];
  const stem = STEMMERS[language];
  const out: string[] = [];
  for (const word of fold(text, f).split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (!word) continue;
    const lower = word.toLowerCase();
    const bare = f.diacriticSensitive ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
    if (stops?.has(bare)) continue;
    if (!stem) {
      out.push(word);
      continue;
    }
    const stemmed = stem(lower);
    // Case-sensitive terms keep the word's own case over the part the stemmer left alone.
    out.push(
      f.caseSensitive ? word.slice(0, stemmed.length) + stemmed.slice(word.length) : stemmed,
    );
  }
  return out;
}

/**
 * Adds one field value's term scores to `scores`, by mongod's formula: repeated terms count
 * 1 + 1/2 + 1/4 ..., scaled by how much of the field they make up, with a small bonus when the
 * term is the whole field.
 */
export function scoreText(
  text: string,
  weight: number,
  language: string,
  f: Folding,
  scores: Map<string, number>,
): void {
  const found = terms(text, language, f);
  if (found.length === 0) return;
  const per = new Map<string, { freq: number; count: number; exp: number }>();
  for (const t of found) {
    const d = per.get(t) ?? { freq: 0, count: 0, exp: 0 };
    d.exp = d.exp ? d.exp * 2 : 1;
    d.count++;
    d.freq += 1 / d.exp;
    per.set(t, d);
  }
  for (const [t, d] of per) {
    const coeff = (0.5 * d.count) / found.length + 0.5;
    const whole = text.length === t.length && text.toLowerCase() === t.toLowerCase() ? 1.1 : 1;
    scores.set(t, (scores.get(t) ?? 0) + weight * d.freq * coeff * whole);
  }
}

export interface TextQuery extends Folding {
  language: string;
  /** Stems any of which a document must hold (words of phrases included), for matching and score. */
  terms: string[];
  negatedTerms: string[];
  phrases: string[];
  negatedPhrases: string[];
}

const TEXT_FIELDS = new Set(['$search', '$language', '$caseSensitive', '$diacriticSensitive']);

function flag(spec: Doc, field: string): boolean {
  const v = spec[field];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') {
    throw new CommandError(Codes.TypeMismatch, `$text ${field} requires a boolean value`);
  }
  return v;
}

/** Parses `{ $search, $language?, $caseSensitive?, $diacriticSensitive? }`. */
export function parseTextQuery(spec: unknown, defaultLanguage: string): TextQuery {
  if (!isPlainObject(spec)) {
    throw new CommandError(Codes.BadValue, '$text expects an object');
  }
  for (const k of Object.keys(spec)) {
    if (!TEXT_FIELDS.has(k)) throw new CommandError(Codes.BadValue, `extra fields in $text: ${k}`);
  }
  if (typeof spec.$search !== 'string') {
    throw new CommandError(Codes.BadValue, '$search needs a String');
  }
  const language = spec.$language === undefined ? defaultLanguage : requireLanguage(spec.$language);
  const f: Folding = {
    caseSensitive: flag(spec, '$caseSensitive'),
    diacriticSensitive: flag(spec, '$diacriticSensitive'),
  };
  const q: TextQuery = {
    ...f,
    language,
    terms: [],
    negatedTerms: [],
    phrases: [],
    negatedPhrases: [],
  };
  // A quoted run is a phrase; a word (or phrase) right after a '-' is negated.
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const m of spec.$search.matchAll(pattern)) {
    if (m[2] !== undefined) {
      const phrase = m[2].trim();
      if (!phrase) continue;
      if (m[1]) q.negatedPhrases.push(phrase);
      else {
        q.phrases.push(phrase);
        q.terms.push(...terms(phrase, language, f));
      }
    } else {
      const found = terms(m[4] ?? '', language, f);
      (m[3] ? q.negatedTerms : q.terms).push(...found);
    }
  }
  q.terms = [...new Set(q.terms)];
  return q;
}

/** Whether a phrase occurs in a text, folded as the query asks. */
export function containsPhrase(text: string, phrase: string, f: Folding): boolean {
  return fold(text, f).includes(fold(phrase, f));
}
