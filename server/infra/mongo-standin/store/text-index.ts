import { collectLeaves } from '../engine/paths.ts';
import {
  containsPhrase,
  type Folding,
  parseTextQuery,
  requireLanguage,
  scoreText,
  type TextQuery,
  textLanguage,
} from '../engine/text-search.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import type { Collection } from './collection.ts';
import type { IndexSpec } from './indexes.ts';

/**
 * A collection's text index. Its spec is kept as mongod stores it (`{ _fts: 'text', _ftsx: 1 }`
 * plus weights); the terms are not kept in a structure of their own but computed per document
 * on a `$text` query and cached by document object, which stays valid because stored documents
 * are never mutated (store/collection.ts).
 */

const MAX_WEIGHT = 99_999;

export function isTextSpec(key: Doc): boolean {
  return Object.values(key).some((v) => v === 'text') || Object.hasOwn(key, '_fts');
}

/** `{ title: 'text', body: 'text' }` + options, in the form mongod stores and lists. */
export function normalizeTextIndexSpec(spec: IndexSpec): IndexSpec {
  if (Object.hasOwn(spec.key, '_fts')) return spec;
  const entries = Object.entries(spec.key);
  const firstText = entries.findIndex(([, v]) => v === 'text');
  const textFields = entries.filter(([, v]) => v === 'text').map(([k]) => k);
  const rest = entries.filter(([, v]) => v !== 'text');
  const key: Doc = Object.fromEntries(rest.slice(0, firstText));
  key._fts = 'text';
  key._ftsx = 1;
  for (const [k, v] of rest.slice(firstText)) key[k] = v;
  const given = isPlainObject(spec.weights) ? spec.weights : {};
  const weights: Doc = {};
  for (const f of textFields) weights[f] = 1;
  for (const [f, w] of Object.entries(given)) {
    if (typeof w !== 'number' || w <= 0 || w > MAX_WEIGHT) {
      throw new CommandError(
        Codes.BadValue,
        `text index option 'weights' must be a number between 0 and ${MAX_WEIGHT + 1}`,
      );
    }
    weights[f] = w;
  }
  const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : 1)));
  const { v, name, key: _k, weights: _w, ...options } = spec;
  return {
    ...options,
    v,
    key,
    name,
    weights: sorted,
    default_language: requireLanguage(spec.default_language ?? 'english'),
    language_override:
      typeof spec.language_override === 'string' ? spec.language_override : 'language',
    textIndexVersion: 3,
  };
}

interface TextModel {
  weights: [string, number][];
  defaultLanguage: string;
  languageOverride: string;
  /** Term scores per document, per folding (case/diacritic sensitivity). */
  cache: WeakMap<Doc, Map<string, Map<string, number>>>;
}

const models = new WeakMap<IndexSpec, TextModel>();

function modelOf(spec: IndexSpec): TextModel {
  let m = models.get(spec);
  if (!m) {
    m = {
      weights: Object.entries(isPlainObject(spec.weights) ? spec.weights : {}).map(
        ([f, w]): [string, number] => [f, Number(w)],
      ),
      defaultLanguage: textLanguage(spec.default_language) ?? 'english',
      languageOverride: String(spec.language_override ?? 'language'),
      cache: new WeakMap(),
    };
    models.set(spec, m);
  }
  return m;
}

function allStrings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) allStrings(x, out);
  else if (isPlainObject(v)) for (const x of Object.values(v)) allStrings(x, out);
}

/** The strings a text index reads from a document, per weighted field (`$**`: every string). */
function fieldTexts(m: TextModel, doc: Doc): [string[], number][] {
  return m.weights.map(([field, w]) => {
    const texts: string[] = [];
    if (field === '$**') allStrings(doc, texts);
    else for (const v of collectLeaves(doc, field)) if (typeof v === 'string') texts.push(v);
    return [texts, w];
  });
}

function termScores(m: TextModel, doc: Doc, f: Folding): Map<string, number> {
  const foldKey = `${f.caseSensitive}/${f.diacriticSensitive}`;
  let perFold = m.cache.get(doc);
  if (!perFold) {
    perFold = new Map();
    m.cache.set(doc, perFold);
  }
  const known = perFold.get(foldKey);
  if (known) return known;
  const language = textLanguage(doc[m.languageOverride]) ?? m.defaultLanguage;
  const scores = new Map<string, number>();
  for (const [texts, w] of fieldTexts(m, doc)) {
    for (const t of texts) scoreText(t, w, language, f, scores);
  }
  perFold.set(foldKey, scores);
  return scores;
}

function hasPhrase(m: TextModel, doc: Doc, phrase: string, f: Folding): boolean {
  return fieldTexts(m, doc).some(([texts]) => texts.some((t) => containsPhrase(t, phrase, f)));
}

export interface TextResult {
  /** Matching documents in natural order. */
  docs: Doc[];
  scores: Map<Doc, number>;
  index: IndexSpec;
  query: TextQuery;
}

/**
 * Runs a `$text` query over a collection: documents holding any of its terms, all of its
 * phrases, and none of its negated terms or phrases, with their scores.
 */
export function runTextQuery(coll: Collection, spec: unknown): TextResult {
  const index = coll.secondaryIndexes().find((i) => isTextSpec(i.spec.key))?.spec;
  if (!index) throw new CommandError(Codes.IndexNotFound, 'text index required for $text query');
  const m = modelOf(index);
  const query = parseTextQuery(spec, m.defaultLanguage);
  const scores = new Map<Doc, number>();
  const docs: Doc[] = [];
  if (query.terms.length === 0) return { docs, scores, index, query };
  for (const doc of coll.docs.values()) {
    const found = termScores(m, doc, query);
    let score = 0;
    for (const t of query.terms) score += found.get(t) ?? 0;
    if (score === 0) continue;
    if (query.negatedTerms.some((t) => found.has(t))) continue;
    if (!query.phrases.every((p) => hasPhrase(m, doc, p, query))) continue;
    if (query.negatedPhrases.some((p) => hasPhrase(m, doc, p, query))) continue;
    docs.push(doc);
    scores.set(doc, score);
  }
  return { docs, scores, index, query };
}

/**
 * Separates a filter's `$text` (top level, or in a top-level `$and`, the places mongod accepts
 * it outside an indexed `$or`) from the rest, which is matched as usual.
 */
export function splitTextFilter(filter: Doc | undefined): { text: unknown; rest: Doc } | null {
  if (!filter) return null;
  let text: unknown;
  let count = 0;
  const rest: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$text') {
      text = v;
      count++;
    } else if (k === '$and' && Array.isArray(v)) {
      rest.$and = v.map((clause) => {
        if (!isPlainObject(clause) || !Object.hasOwn(clause, '$text')) return clause;
        text = clause.$text;
        count++;
        const { $text: _t, ...others } = clause;
        return others;
      });
    } else rest[k] = v;
  }
  if (count === 0) return null;
  if (count > 1) throw new CommandError(Codes.BadValue, 'Too many text expressions');
  return { text, rest };
}
