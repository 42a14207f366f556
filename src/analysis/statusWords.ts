/**
 * The words a test runner prints in front of a test's name to say it failed or passed, in the languages
 * hand-written harnesses are written in (`FALLITO TestFattura.testBollo: …`, `OK TestFattura.testIva`),
 * upper case as runners print them.
 */
const ENGLISH_FAIL_WORDS = ['FAIL', 'FAILED'];
// prettier-ignore
const OTHER_FAIL_WORDS = [
  'KO', 'NOK',
  'FALLITO', 'FALLITA', 'FALLIDO', 'FALLIDA', 'FALLÓ', 'FALHOU', 'FALHA', 'ÉCHEC', 'ECHEC', 'ÉCHOUÉ', 'ECHOUE', 'EȘUAT', 'EŞUAT',
  'FEHLER', 'FEHLGESCHLAGEN', 'MISLUKT', 'GEFAALD', 'MISSLYCKADES', 'MISLYKKEDES', 'FEJL', 'FEILET', 'EPÄONNISTUI', 'VIRHE',
  'BŁĄD', 'NIEPOWODZENIE', 'CHYBA', 'SELHALO', 'SELHAL', 'HIBA', 'SIKERTELEN', 'BAŞARISIZ', 'HATA', 'GAGAL', 'LỖI',
  'ПРОВАЛ', 'ПРОВАЛЕН', 'ОШИБКА', 'НЕУДАЧА', 'ПОМИЛКА', 'ГРЕШКА', 'НЕУСПЕХ', 'ΑΠΟΤΥΧΙΑ', 'ΣΦΑΛΜΑ',
  'נכשל', 'فشل', '失败', '失敗', '실패',
];
// prettier-ignore
const PASS_WORDS = [
  'OK', 'PASS', 'PASSED',
  'SUPERATO', 'RIUSCITO', 'PASSATO', 'CORRECTO', 'ÉXITO', 'EXITO', 'PASSOU', 'SUCESSO', 'RÉUSSI', 'REUSSI',
  'BESTANDEN', 'ERFOLGREICH', 'GESLAAGD', 'GODKÄND', 'LYKKEDES', 'ONNISTUI', 'ZALICZONY', 'SIKERES', 'BAŞARILI', 'BERHASIL',
  'УСПЕХ', 'УСПЕШНО', 'ПРОЙДЕН', 'ПРОЙДЕНО', 'ΕΠΙΤΥΧΙΑ', 'עבר', 'نجح', '通过', '通過', '成功', '성공', '통과',
];

const alternation = (words: string[]): string => words.join('|');
// (Not inside a longer word: `FAILURES`, `OKAY`; JavaScript's \b knows only ASCII letters.)
const bounded = (words: string[]): string => `(?<![\\p{L}\\p{N}_])(?:${alternation(words)})(?![\\p{L}\\p{N}_])`;
const rowOf = (words: string[]): RegExp =>
  new RegExp(`^\\s*(?:${alternation(words)}):?\\s+([\\p{L}_$][\\w$]*(?:[.#:/][\\w$\\[\\]-]+)+|[\\w$]*[Tt]est[\\w$]*)(?=[:\\s(]|$)`, 'u');

/** A harness's row for a failing test: `FALLITO TestFattura.testBollo: atteso <2.00>`, `ÉCHEC test_total`. */
export const FAILING_TEST_ROW = rowOf([...ENGLISH_FAIL_WORDS, ...OTHER_FAIL_WORDS]);
/** The same in another language than English (English rows have their own readers, jest's `FAIL  src/a.test.ts` among them). */
export const FOREIGN_FAILING_TEST_ROW = rowOf(OTHER_FAIL_WORDS);
/** A status word of failure anywhere in a line. */
export const FAIL_STATUS = new RegExp(bounded([...ENGLISH_FAIL_WORDS, ...OTHER_FAIL_WORDS]), 'u');
/** A status word of success anywhere in a line. */
export const PASS_STATUS = new RegExp(bounded(PASS_WORDS), 'u');

const FAIL_WORD_SET = new Set([...ENGLISH_FAIL_WORDS, ...OTHER_FAIL_WORDS]);
/** Whether a line's first word is a failure status word (`FALLITO …`, `ÉCHEC: …`): a cheap test before FAILING_TEST_ROW. */
export function startsWithStatusWord(line: string): boolean {
  const first = /^\s*([^\s:]{2,20})/.exec(line)?.[1];
  return first !== undefined && FAIL_WORD_SET.has(first);
}
