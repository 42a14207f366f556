// A chatty Punjabi user (Gurmukhi script with English tech words), a small stdlib-only Python library
// (shabad: word counts for Gurmukhi text) tested with `python3 -m unittest discover -v`. Thinking present.
// The model weighs two designs for stopword filtering in thinking and picks one; a TypeError in the report
// formatter is fixed; a unittest FAIL (tie order in top_words) is fixed and the passing re-run is narrowed
// to that module; a helper module shabad/_normalize.py is created and deleted with `rm`, the reason said;
// the user refuses a `git push`. Numbers: unittest's "Ran N tests" and the counts the library's CLI
// prints. Two compactions (one mid-way). Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const WORDS = ['ਪਾਣੀ', 'ਘਰ', 'ਸਕੂਲ', 'ਕਿਤਾਬ', 'ਪਿੰਡ', 'ਦਰਿਆ', 'ਖੇਤ', 'ਰੁੱਖ', 'ਸੂਰਜ', 'ਚੰਨ', 'ਮਾਂ', 'ਪਿਤਾ', 'ਦੋਸਤ', 'ਰੋਟੀ', 'ਦੁੱਧ', 'ਗੀਤ', 'ਬੱਦਲ', 'ਮੀਂਹ', 'ਹਵਾ', 'ਰਾਹ'];
const STOP = ['ਦੇ', 'ਦੀ', 'ਨੂੰ', 'ਤੇ', 'ਵਿੱਚ', 'ਹੈ'];

const form = (x) => WORDS[x % 20] + ['', 'ਾਂ', 'ਿਆਂ'][Math.floor(x / 20)];

function sample() {
  const lines = [];
  let total = 0;
  const seen = new Set();
  for (let l = 0; l < 173; l++) {
    const row = [];
    const n = 7 + (l % 5);
    for (let i = 0; i < n; i++) {
      const w = (l * 7 + i * 3) % 4 === 0 ? STOP[(l + i) % STOP.length] : form((l * 11 + i * 13) % 47);
      row.push(w);
      seen.add(w);
      total++;
    }
    lines.push(row.join(' '));
  }
  return { text: lines.join('\n') + '\n', total, unique: seen.size };
}
const SAMPLE = sample();

const INIT =
  '"""shabad: word counts for Gurmukhi text (stdlib only)."""\nfrom .core import tokenize, count_words, top_words, format_report\n\n__all__ = ["tokenize", "count_words", "top_words", "format_report"]\n';

const CORE =
  'from collections import Counter\n\n\n' +
  'def tokenize(text):\n    return [w.strip("।,.!?") for w in text.split() if w.strip("।,.!?")]\n\n\n' +
  'def count_words(text):\n    return Counter(tokenize(text))\n\n\n' +
  'def top_words(text, n=5):\n    counts = count_words(text)\n    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:n]\n\n\n' +
  'def format_report(text, n=5):\n    counts = count_words(text)\n    lines = ["ਕੁੱਲ ਸ਼ਬਦ: " + sum(counts.values()), "ਵਿਲੱਖਣ: " + str(len(counts))]\n' +
  '    for word, c in top_words(text, n):\n        lines.append(f"{word}\\t{c}")\n    return "\\n".join(lines)\n';

const MAIN = 'import sys\n\nfrom .core import format_report\n\nwith open(sys.argv[1], encoding="utf-8") as f:\n    print(format_report(f.read()))\n';

function tokenizeTests() {
  let out = 'import unittest\n\nfrom shabad import tokenize, count_words\n\n\nclass TestTokenize(unittest.TestCase):\n';
  WORDS.forEach((w, i) => {
    out += `    def test_single_${i}(self):\n        self.assertEqual(tokenize("${w}।"), ["${w}"])\n\n`;
  });
  out +=
    '    def test_empty(self):\n        self.assertEqual(tokenize(""), [])\n\n    def test_count(self):\n        self.assertEqual(count_words("ਘਰ ਘਰ ਪਾਣੀ")["ਘਰ"], 2)\n';
  return out;
}

const COUNTER_TESTS =
  'import unittest\n\nfrom shabad import top_words, format_report\n\n\nclass TestTopWords(unittest.TestCase):\n' +
  '    def test_top_one(self):\n        self.assertEqual(top_words("ਘਰ ਘਰ ਪਾਣੀ", 1), [("ਘਰ", 2)])\n\n' +
  '    def test_ties_alphabetical(self):\n        # equal counts come out in Gurmukhi alphabetical order\n        self.assertEqual(top_words("ਪਾਣੀ ਘਰ ਕਿਤਾਬ", 3), [("ਕਿਤਾਬ", 1), ("ਘਰ", 1), ("ਪਾਣੀ", 1)])\n\n' +
  '    def test_report_header(self):\n        self.assertTrue(format_report("ਘਰ ਪਾਣੀ").startswith("ਕੁੱਲ ਸ਼ਬਦ: 2"))\n';

export const scenario = {
  name: 'python-shabad-punjabi-chatty',
  about:
    'held out: chatty Punjabi user (Gurmukhi), stdlib-only Python library tested with python3 -m unittest discover -v; thinking weighs a stopwords parameter against a module-level set; TypeError fixed; unittest FAIL on tie order fixed, re-run narrowed to tests.test_counter; a _normalize.py helper created then removed with rm; git push refused; two compactions',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n',
    'README.md': '# shabad\n\nਗੁਰਮੁਖੀ ਲਿਖਤ ਲਈ ਸ਼ਬਦ ਗਿਣਤੀ।\n\n    python3 -m shabad file.txt\n',
    'shabad/__init__.py': INIT,
    'shabad/core.py': CORE,
    'shabad/__main__.py': MAIN,
    'tests/__init__.py': '',
    'tests/test_tokenize.py': tokenizeTests(),
    'tests/test_counter.py': COUNTER_TESTS,
    'data/kahani.txt': SAMPLE.text,
  },
  build(k, { edit, write }) {
    const reportReq = k.request('python3 -m shabad data/kahani.txt ਚਲਾਓ ਤਾਂ crash ਹੋ ਜਾਂਦਾ');
    const stdlib = k.constraint('ਕੋਈ ਬਾਹਰੀ package ਨਹੀਂ ਪਾਉਣਾ, ਸਿਰਫ਼ standard library');
    k.error('TypeError: can only concatenate str (not "int") to str', 'resolved');
    k.file('shabad/core.py');
    k.error('FAIL: test_ties_alphabetical (tests.test_counter.TestTopWords.test_ties_alphabetical)', 'resolved');
    k.error('AssertionError: Lists differ', 'resolved');
    const tieSort = k.decision(
      'sort by (-count, word)',
      'Counter.most_common keeps first-seen order for ties, so the output would depend on the text',
      'Counter.most_common(n)',
    );
    k.number('25');
    k.number(String(SAMPLE.total));
    k.number(String(SAMPLE.unique));
    const stopReq = k.request('stopwords (ਦੇ, ਦੀ, ਨੂੰ ਵਗੈਰਾ) ਹਟਾਉਣ ਦਾ option ਚਾਹੀਦਾ');
    const param = k.decision(
      'a stopwords= keyword argument on top_words and format_report',
      'a module-level set would be shared by every caller and leak between tests',
      'a module-level STOPWORDS set',
    );
    const noneDefault = k.decision('stopwords=None by default', "existing callers keep today's output", 'filtering DEFAULT_STOPWORDS by default');
    const helper = k.rejected('shabad/_normalize.py', 'one unicodedata.normalize call does not need its own module next to core.py');
    k.file('tests/test_counter.py');
    k.number('27');
    const refusal = k.refusal('ਨਹੀਂ ਜੀ, push ਹਾਲੇ ਨਹੀਂ! ਮੈਂ ਪਹਿਲਾਂ ਆਪ diff ਵੇਖਾਂਗਾ');
    const py38 = k.constraint('Python 3.8 ਤੇ ਵੀ ਚੱਲਣਾ ਚਾਹੀਦਾ');
    const readme = k.request('README ਵਿੱਚ stopwords ਵਾਲੀ ਉਦਾਹਰਣ ਲਿਖ ਦਿਓ');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m unittest', 'passing');
    k.not('files', 'shabad/_normalize.py', 'created and removed again: not a modified file');
    k.not('constraints', stopReq, 'a feature request, not a standing rule');
    k.not('decisions', param.alternative, 'the set was weighed and not chosen');
    k.not('errors', refusal, "the user's refusal is not a tool error");

    const ut = 'python3 -m unittest discover -v 2>&1 | tail -n 30';
    return [
      {
        user: `ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ! 🙏 ਮੈਂ ਇੱਕ ਛੋਟੀ ਜਿਹੀ library ਬਣਾ ਰਿਹਾ ਹਾਂ ਪੰਜਾਬੀ ਲਿਖਤ ਦੇ ਸ਼ਬਦ ਗਿਣਨ ਲਈ, ਮੇਰੀ ਭੈਣ ਦੀਆਂ ਕਹਾਣੀਆਂ ਵਾਸਤੇ। ਪਰ ${reportReq}, ਪਤਾ ਨਹੀਂ ਕਿਉਂ 😅 ਜ਼ਰਾ ਵੇਖੋ ਜੀ। ਤੇ ਹਾਂ, ${stdlib} — ਇਹ ਮੇਰੇ ਲਈ ਬਹੁਤ ਜ਼ਰੂਰੀ ਹੈ, pip ਮੇਰੇ ਦਫ਼ਤਰ ਵਾਲੇ laptop ਤੇ ਬੰਦ ਹੈ`,
        model: [
          [think('Reproduce first, then run the suite to see the state.'), bash('python3 -m shabad data/kahani.txt 2>&1 | tail -n 6', 'Reproduce the crash')],
          [
            think('sum() returns an int and is concatenated to a str in format_report. str() it, or use an f-string like the loop below does.'),
            edit(
              'shabad/core.py',
              '"ਕੁੱਲ ਸ਼ਬਦ: " + sum(counts.values()), "ਵਿਲੱਖਣ: " + str(len(counts))',
              'f"ਕੁੱਲ ਸ਼ਬਦ: {sum(counts.values())}", f"ਵਿਲੱਖਣ: {len(counts)}"',
            ),
          ],
          [bash('python3 -m shabad data/kahani.txt', 'Run it again')],
          [bash(ut, 'Run the whole unittest suite')],
          [
            think(
              `test_ties_alphabetical: equal counts come back in first-seen order. Options: ${tieSort.alternative} — but ${tieSort.reason} — or ${tieSort.choice}, which is deterministic and needs only sorted(). Going with the key.`,
            ),
            edit(
              'shabad/core.py',
              'sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:n]',
              'sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]',
            ),
          ],
          [bash('python3 -m unittest tests.test_counter -v 2>&1 | tail -n 8', 'Re-run just the counter tests')],
          [
            say(
              'ਹੋ ਗਿਆ ਜੀ! ਦੋ ਗੱਲਾਂ ਸਨ:\n\n1. `format_report` ਵਿੱਚ ਗਿਣਤੀ (int) ਨੂੰ ਸਿੱਧਾ string ਨਾਲ ਜੋੜਿਆ ਜਾ ਰਿਹਾ ਸੀ — ਹੁਣ f-string ਹੈ।\n2. ਬਰਾਬਰ ਗਿਣਤੀ ਵਾਲੇ ਸ਼ਬਦ ਅੱਖਰ-ਕ੍ਰਮ ਵਿੱਚ ਨਹੀਂ ਆਉਂਦੇ ਸਨ — ਹੁਣ ਗਿਣਤੀ ਤੇ ਫਿਰ ਸ਼ਬਦ ਨਾਲ sort ਹੁੰਦਾ।\n\nਕੋਈ ਬਾਹਰੀ package ਨਹੀਂ ਵਰਤਿਆ।',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'shabad: CLI crash and a tie-order test fixed.',
          intent: 'Fix the shabad CLI crash. Standard library only.',
          concepts: ['unittest', 'collections.Counter', 'Gurmukhi tokenizing'],
          files: ['shabad/core.py: f-string in format_report, deterministic tie order'],
          errors: ['Report crashed concatenating a number; fixed', 'Tie-order test failed; fixed'],
          solving: 'Both fixed; counter tests pass.',
          messages: ['Fix the crash; stdlib only'],
          pending: [],
          current: 'Fixes done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ਵਾਹ ਜੀ ਵਾਹ, ਬਹੁਤ ਵਧੀਆ!! ਹੁਣ ਅਗਲੀ ਗੱਲ — ${stopReq}, ਕਿਉਂਕਿ top words ਵਿੱਚ ਹਮੇਸ਼ਾ "ਦੇ" ਤੇ "ਦੀ" ਹੀ ਉੱਪਰ ਆ ਜਾਂਦੇ 😂 ਤੁਸੀਂ ਜਿਵੇਂ ਠੀਕ ਸਮਝੋ ਓਵੇਂ ਕਰੋ`,
        model: [
          [
            think(
              `Two designs: ${param.alternative} that callers mutate, or ${param.choice}. The set is less typing for the CLI, but ${param.reason}. Keyword argument it is. ${noneDefault.choice} rather than ${noneDefault.alternative}: ${noneDefault.reason}. Plus a small built-in tuple callers can pass.`,
            ),
            edit(
              'shabad/core.py',
              'def top_words(text, n=5):\n    counts = count_words(text)\n',
              'DEFAULT_STOPWORDS = ("ਦੇ", "ਦੀ", "ਨੂੰ", "ਤੇ", "ਵਿੱਚ", "ਹੈ")\n\n\ndef top_words(text, n=5, stopwords=None):\n    counts = count_words(text)\n    for w in stopwords or ():\n        counts.pop(w, None)\n',
            ),
          ],
          [
            edit(
              'shabad/core.py',
              'def format_report(text, n=5):\n    counts = count_words(text)\n',
              'def format_report(text, n=5, stopwords=None):\n    counts = count_words(text)\n',
            ),
          ],
          [edit('shabad/core.py', '    for word, c in top_words(text, n):\n', '    for word, c in top_words(text, n, stopwords):\n')],
          [
            think('Text could come in decomposed form (nukta as a separate code point). A helper module for NFC normalization, used by tokenize.'),
            write('shabad/_normalize.py', 'import unicodedata\n\n\ndef nfc(text):\n    return unicodedata.normalize("NFC", text)\n'),
          ],
          [edit('shabad/__init__.py', 'from .core import tokenize', 'from ._normalize import nfc\nfrom .core import tokenize')],
          [
            bash(
              'python3 -c "import shabad; print(shabad.top_words(open(\'data/kahani.txt\').read(), 3, shabad.core.DEFAULT_STOPWORDS))" 2>&1 | tail -n 3',
              'Try stopwords on the sample',
            ),
          ],
          [
            think(`Dropping the helper: ${helper.why}. Put the normalize call straight into tokenize instead.`),
            say(`\`_normalize.py\` ਹਟਾ ਰਿਹਾ ਹਾਂ — ${helper.why}. ਸਿੱਧਾ \`tokenize\` ਵਿੱਚ ਪਾਉਂਦਾ ਹਾਂ।`),
            bash('rm shabad/_normalize.py && git checkout -- shabad/__init__.py && git status --short', 'Remove the helper module'),
          ],
          [edit('shabad/core.py', 'from collections import Counter\n', 'import unicodedata\nfrom collections import Counter\n')],
          [
            edit(
              'shabad/core.py',
              '    return [w.strip("।,.!?") for w in text.split()',
              '    text = unicodedata.normalize("NFC", text)\n    return [w.strip("।,.!?") for w in text.split()',
            ),
          ],
          [
            edit(
              'tests/test_counter.py',
              '    def test_report_header(self):',
              '    def test_stopwords_removed(self):\n        self.assertEqual(top_words("ਦੇ ਦੇ ਘਰ", 1, ("ਦੇ",)), [("ਘਰ", 1)])\n\n' +
                '    def test_no_stopwords_by_default(self):\n        self.assertEqual(top_words("ਦੇ ਦੇ ਘਰ", 1), [("ਦੇ", 2)])\n\n    def test_report_header(self):',
            ),
          ],
          [bash(ut, 'Run the whole suite')],
          [bash('python3 -m shabad data/kahani.txt', 'Report totals')],
          [
            say(
              'Stopwords ਵਾਲਾ option ਤਿਆਰ:\n\n- `top_words(text, n, stopwords=...)` ਤੇ `format_report(..., stopwords=...)`\n- `shabad.core.DEFAULT_STOPWORDS` ਵਿੱਚ ਦੇ/ਦੀ/ਨੂੰ/ਤੇ/ਵਿੱਚ/ਹੈ\n- ਦੋ ਨਵੇਂ tests\n\nਸਭ tests pass ਹਨ। ਹੁਣ push ਕਰਾਂ?',
            ),
          ],
        ],
      },
      {
        user: 'ਹਾਂ ਠੀਕ ਹੈ, ਅੱਗੇ ਵਧੋ',
        model: [[bash('git push origin main', 'Push to origin')], [say('ਠੀਕ ਹੈ ਜੀ, push ਨਹੀਂ ਕੀਤਾ। ਬਦਲਾਅ ਤੁਹਾਡੇ ਵੇਖਣ ਲਈ working tree ਵਿੱਚ ਹੀ ਹਨ (`git diff`)।')]],
        refuse: { 'git push origin main': refusal },
      },
      {
        user: `ਹਾਂ ਜੀ ਮਾਫ਼ ਕਰਨਾ, ਮੇਰਾ ਮਤਲਬ ਸੀ ਕੰਮ ਜਾਰੀ ਰੱਖੋ, push ਨਹੀਂ 😅 ਇੱਕ ਹੋਰ ਗੱਲ: ${py38}, ਮੇਰੇ ਦਫ਼ਤਰ ਵਿੱਚ ਪੁਰਾਣਾ server ਹੈ। ਤੇ ${readme}, ਮੇਰੀ ਭੈਣ ਵੀ ਪੜ੍ਹੇਗੀ`,
        model: [
          [
            think('3.8: no match statements, no list[str] annotations, no str.removeprefix — core.py uses none of those. Check with grep, then the README.'),
            bash('grep -nE \'match |removeprefix|list\\[|dict\\[\' shabad/*.py; echo "grep exit $?"', 'Look for 3.9+ syntax'),
          ],
          [
            edit(
              'README.md',
              '    python3 -m shabad file.txt\n',
              '    python3 -m shabad file.txt\n\nStopwords ਹਟਾ ਕੇ:\n\n```python\nfrom shabad import top_words\nfrom shabad.core import DEFAULT_STOPWORDS\n\ntop_words(text, 5, stopwords=DEFAULT_STOPWORDS)\n```\n',
            ),
          ],
          [say('README ਵਿੱਚ stopwords ਵਾਲੀ ਉਦਾਹਰਣ ਪਾ ਦਿੱਤੀ। Python 3.8 ਨਾਲ ਟਕਰਾਉਣ ਵਾਲਾ ਕੁਝ ਨਹੀਂ ਮਿਲਿਆ।')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'shabad: crash and tie order fixed, stopwords option added, README example; push refused.',
          intent: 'Word counts for Gurmukhi text; stdlib only; must run on Python 3.8.',
          concepts: ['unittest discover', 'stopwords keyword argument', 'NFC normalization'],
          files: ['shabad/core.py', 'tests/test_counter.py', 'README.md'],
          errors: ['TypeError in the report; fixed', 'Tie-order test; fixed'],
          solving: 'Added stopwords as a keyword argument; a helper module was tried and removed.',
          messages: ['Fix the crash; stdlib only', 'Add a stopwords option', 'Do not push', 'Python 3.8; README example'],
          pending: [],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
