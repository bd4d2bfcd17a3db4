/**
 * The catalogue's own full-text index terms, the same on MongoDB and FerretDB (which has no text index).
 *
 * Latin text: words from Intl.Segmenter, case- and width-folded (NFKC), stop words dropped, and a light English
 * plural stemmer ("batteries" and "battery" meet). Chinese, Japanese and Korean text has no spaces, so it is
 * indexed as overlapping character bigrams plus single characters: 锂电池 gives 锂电, 电池, 锂, 电, 池, so a
 * search for 电池 finds it. A query uses bigrams where it has two or more characters in a run, so every bigram
 * of the query must be present (a phrase-like match without storing positions).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were which with using used via based method methods system systems device thereof'.split(
    ' ',
  ),
);

export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(xes|ches|shes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function latinTerms(text: string): string[] {
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.replace(CJK_RUN, ' '))) {
    if (!isWordLike || !LETTER_OR_DIGIT.test(segment)) continue;
    const word = segment.replace(/['’]s$/, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(stemEnglish(word));
  }
  return terms;
}

function cjkRuns(text: string): string[] {
  return text.match(CJK_RUN) ?? [];
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/** Every distinct term a document is found by. */
export function documentTerms(...texts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    const text = normalise(raw);
    for (const term of latinTerms(text)) terms.add(term);
    for (const run of cjkRuns(text)) {
      for (const char of run) terms.add(char);
      for (const gram of bigrams(run)) terms.add(gram);
    }
  }
  return [...terms];
}

/** The terms a query must all match, without duplicates, in the order they appear. */
export function queryTerms(query: string): string[] {
  const text = normalise(query);
  const terms = new Set<string>(latinTerms(text));
  for (const run of cjkRuns(text)) {
    const chars = Array.from(run);
    if (chars.length === 1) terms.add(run);
    else for (const gram of bigrams(run)) terms.add(gram);
  }
  return [...terms];
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}
